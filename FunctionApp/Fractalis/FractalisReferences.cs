using System.Text.Json;
using System.Text.Json.Nodes;
using Fractal.FunctionApp.Fractalis.Tasks;

namespace Fractal.FunctionApp.Fractalis;

/// <summary>
/// Fractal.js' dataset references in analysis arguments: <c>"$&lt;id&gt;$"</c>, or <c>"$" + JSON + "$"</c> with
/// the id and filters, at the top level of <c>args</c> or in a top-level list. Each becomes the native
/// reference (the id, or <c>{"id", "filters"}</c>) once it is known to name one of the session's datasets.
/// </summary>
public static class FractalisReferences
{
    /// <summary>A copy of <paramref name="args"/> with every reference resolved against the session's dataset ids, <paramref name="datasets"/>.</summary>
    /// <exception cref="FractalisArgumentException">A reference is malformed, or names no dataset of the session.</exception>
    public static JsonObject Resolve(JsonObject args, IReadOnlySet<string> datasets)
    {
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(datasets);
        var resolved = new JsonObject();
        foreach (var (name, value) in args)
        {
            resolved[name] = value switch
            {
                JsonArray list => new JsonArray([.. list.Select((item, i) => ResolveValue(item, $"{name}[{i}]", datasets))]),
                _ => ResolveValue(value, name, datasets),
            };
        }

        return resolved;
    }

    private static JsonNode? ResolveValue(JsonNode? value, string argument, IReadOnlySet<string> datasets)
    {
        if (value is not JsonValue text || !text.TryGetValue<string>(out var raw) || raw.Length < 2 || raw[0] != '$' || raw[^1] != '$')
        {
            return value?.DeepClone();
        }

        var inner = raw[1..^1];
        if (!inner.StartsWith('{'))
        {
            return Known(inner, argument, datasets);
        }

        JsonObject reference;
        try
        {
            reference = JsonNode.Parse(inner) as JsonObject ?? throw new FractalisArgumentException(argument, $"{argument}: the reference '{raw}' is not a JSON object.");
        }
        catch (JsonException error)
        {
            throw new FractalisArgumentException(argument, $"{argument}: the reference '{raw}' is not valid JSON: {error.Message}");
        }

        if (reference["id"] is not JsonValue id || !id.TryGetValue<string>(out var dataId))
        {
            throw new FractalisArgumentException(argument, $"{argument}: the reference '{raw}' has no string 'id'.");
        }

        Known(dataId, argument, datasets);
        var native = new JsonObject { ["id"] = dataId };
        if (reference["filters"] is { } filters)
        {
            native["filters"] = filters.DeepClone();
        }

        return native;
    }

    private static JsonValue Known(string dataId, string argument, IReadOnlySet<string> datasets) =>
        datasets.Contains(dataId)
            ? JsonValue.Create(dataId)
            : throw new FractalisArgumentException(argument, $"{argument}: '${dataId}$' names no dataset of this session.");
}
