using System.Text.Json;
using System.Text.Json.Nodes;

namespace Fractal.FunctionApp.Fractalis.Tasks;

/// <summary>
/// Reads the <c>args</c> Fractal.js sent for a task, after its <c>"$…$"</c> references became native dataset
/// references (a dataset id, or <c>{"id", "filters"}</c>); each reader returns a fresh copy for the native
/// <c>args</c>, and a value of the wrong shape is a <see cref="FractalisArgumentException"/> naming the argument.
/// </summary>
public sealed class FractalisArgs
{
    private readonly JsonObject _args;

    public FractalisArgs(JsonObject args)
    {
        ArgumentNullException.ThrowIfNull(args);
        _args = args;
    }

    /// <summary>One dataset reference; required.</summary>
    public JsonNode DatasetReference(string name) =>
        OptionalDatasetReference(name) ?? throw Missing(name, "a dataset reference");

    /// <summary>One dataset reference, or null when the argument is missing or null.</summary>
    public JsonNode? OptionalDatasetReference(string name) => Value(name) is { } value ? Reference(value, name) : null;

    /// <summary>
    /// A list that must hold exactly one dataset reference (Fractal.js' data boxes send lists), or one reference
    /// on its own; required.
    /// </summary>
    public JsonNode SingleDatasetReference(string name)
    {
        var references = DatasetReferences(name);
        return references.Count == 1
            ? references[0]!.DeepClone()
            : throw new FractalisArgumentException(name, $"{name} must name exactly one dataset; it names {references.Count}.");
    }

    /// <summary>A list of dataset references; a single reference is a list of one; missing or null is an empty list.</summary>
    public JsonArray DatasetReferences(string name)
    {
        var value = Value(name);
        if (value is null)
        {
            return [];
        }

        if (value is not JsonArray list)
        {
            return [Reference(value, name)];
        }

        var references = new JsonArray();
        for (var i = 0; i < list.Count; i++)
        {
            references.Add(Reference(list[i], $"{name}[{i}]"));
        }

        return references;
    }

    /// <summary>
    /// A list of sample ids (numbers are read as their JSON text); Fractal.js' filter object <c>{"value": [...]}</c>
    /// is read as its value; missing or null is an empty list.
    /// </summary>
    public JsonArray Ids(string name)
    {
        var value = Value(name);
        if (value is JsonObject filter && filter.ContainsKey("value"))
        {
            value = filter["value"];
        }

        return value is null ? [] : IdList(value, name);
    }

    /// <summary>
    /// Copies the arguments every grouped analysis shares, under the same names: <c>id_filter</c>,
    /// <c>subsets</c> and, unless the analysis takes none, <c>categories</c>.
    /// </summary>
    public JsonObject WithScope(JsonObject native, bool categories = true)
    {
        ArgumentNullException.ThrowIfNull(native);
        native["id_filter"] = Ids("id_filter");
        native["subsets"] = IdLists("subsets");
        if (categories)
        {
            native["categories"] = DatasetReferences("categories");
        }

        return native;
    }

    /// <summary>A list of lists of sample ids (Fractal.js' subsets); missing or null is an empty list.</summary>
    public JsonArray IdLists(string name)
    {
        var value = Value(name);
        if (value is null)
        {
            return [];
        }

        if (value is not JsonArray lists)
        {
            throw new FractalisArgumentException(name, $"{name} must be a list of lists of ids.");
        }

        var result = new JsonArray();
        for (var i = 0; i < lists.Count; i++)
        {
            result.Add(IdList(lists[i], $"{name}[{i}]"));
        }

        return result;
    }

    /// <summary>A string, or null when missing.</summary>
    public string? Text(string name) => Value(name) switch
    {
        null => null,
        JsonValue value when value.GetValueKind() == JsonValueKind.String => value.GetValue<string>(),
        _ => throw new FractalisArgumentException(name, $"{name} must be a string."),
    };

    /// <summary>A number, copied as sent, or null when missing.</summary>
    public JsonNode? Number(string name) => Value(name) switch
    {
        null => null,
        JsonValue value when value.GetValueKind() == JsonValueKind.Number => value.DeepClone(),
        _ => throw new FractalisArgumentException(name, $"{name} must be a number."),
    };

    /// <summary>true or false, or null when missing.</summary>
    public JsonNode? Boolean(string name) => Value(name) switch
    {
        null => null,
        JsonValue value when value.GetValueKind() is JsonValueKind.True or JsonValueKind.False => value.DeepClone(),
        _ => throw new FractalisArgumentException(name, $"{name} must be true or false."),
    };

    /// <summary>An object, copied, or null when missing.</summary>
    public JsonObject? ObjectArgument(string name) => Value(name) switch
    {
        null => null,
        JsonObject value => value.DeepClone().AsObject(),
        _ => throw new FractalisArgumentException(name, $"{name} must be an object."),
    };

    private JsonNode? Value(string name) =>
        _args.TryGetPropertyValue(name, out var value) && value is not null && value.GetValueKind() != JsonValueKind.Null ? value : null;

    private static JsonNode Reference(JsonNode? value, string name) => value switch
    {
        JsonValue text when text.GetValueKind() == JsonValueKind.String && text.GetValue<string>().Length > 0 => text.DeepClone(),
        JsonObject reference when reference["id"] is JsonValue id && id.GetValueKind() == JsonValueKind.String => reference.DeepClone(),
        _ => throw new FractalisArgumentException(name, $"{name} must be a dataset reference (\"$<data id>$\"), not {Describe(value)}."),
    };

    private static JsonArray IdList(JsonNode? value, string name)
    {
        if (value is not JsonArray list)
        {
            throw new FractalisArgumentException(name, $"{name} must be a list of ids, not {Describe(value)}.");
        }

        var ids = new JsonArray();
        for (var i = 0; i < list.Count; i++)
        {
            ids.Add(list[i] switch
            {
                JsonValue id when id.GetValueKind() == JsonValueKind.String => id.GetValue<string>(),
                JsonValue id when id.GetValueKind() == JsonValueKind.Number => id.ToJsonString(),
                var other => throw new FractalisArgumentException($"{name}[{i}]", $"{name}[{i}] must be an id (a string or a number), not {Describe(other)}."),
            });
        }

        return ids;
    }

    private static string Describe(JsonNode? value) => value is null ? "null" : value.GetValueKind().ToString().ToLowerInvariant();

    private static FractalisArgumentException Missing(string name, string what) => new(name, $"{name} is required: {what}.");
}
