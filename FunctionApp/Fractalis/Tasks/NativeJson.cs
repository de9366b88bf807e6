using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Fractal.FunctionApp.Fractalis.Tasks;

/// <summary>
/// Reads a native analysis result (serialized with the analytics JSON options, where NaN and the infinities
/// are the named literals <c>"NaN"</c>, <c>"Infinity"</c>, <c>"-Infinity"</c>) into Fractalis' JSON, where
/// they are <c>null</c>, as Fractalis writes them for the browser.
/// </summary>
internal static class NativeJson
{
    /// <summary>A number copied as written; NaN, the infinities and null become null.</summary>
    /// <exception cref="InvalidOperationException">The value is not a number.</exception>
    public static JsonNode? Number(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.Number => JsonValue.Create(value),
        JsonValueKind.Null => null,
        JsonValueKind.String when value.GetString() is "NaN" or "Infinity" or "-Infinity" => null,
        _ => throw new InvalidOperationException($"A native result holds {value.ValueKind} where a number belongs."),
    };

    /// <summary>The number in property <paramref name="name"/>.</summary>
    public static JsonNode? Number(JsonElement owner, string name) => Number(owner.GetProperty(name));

    /// <summary>A list of numbers, each as <see cref="Number(JsonElement)"/>.</summary>
    public static JsonArray Numbers(JsonElement list) => [.. list.EnumerateArray().Select(Number)];

    /// <summary>The list of numbers in property <paramref name="name"/>.</summary>
    public static JsonArray Numbers(JsonElement owner, string name) => Numbers(owner.GetProperty(name));

    /// <summary>A string, a whole number, true, false or null, copied as is.</summary>
    public static JsonNode? Value(JsonElement value) => value.ValueKind == JsonValueKind.Null ? null : JsonValue.Create(value);

    /// <summary>The value in property <paramref name="name"/>, copied as is; null when it is missing.</summary>
    public static JsonNode? Value(JsonElement owner, string name) =>
        owner.TryGetProperty(name, out var value) ? Value(value) : null;

    /// <summary>A list copied as is (strings, whole numbers or pairs).</summary>
    public static JsonArray List(JsonElement owner, string name) => [.. owner.GetProperty(name).EnumerateArray().Select(e => JsonNode.Parse(e.GetRawText()))];

    /// <summary>The string in property <paramref name="name"/>.</summary>
    public static string Text(JsonElement owner, string name) =>
        owner.GetProperty(name).GetString() ?? throw new InvalidOperationException($"A native result has no text in '{name}'.");

    /// <summary>
    /// Fractalis' <c>stats[category][subset]</c> (the subset's 0-based index as text) from a native result's
    /// groups, each a <c>{category, subset, ...}</c> object that <paramref name="entry"/> turns into its entry.
    /// </summary>
    public static JsonObject ByCategoryAndSubset(JsonElement groups, Func<JsonElement, JsonNode> entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        var stats = new JsonObject();
        foreach (var group in groups.EnumerateArray())
        {
            var category = Text(group, "category");
            if (stats[category] is not JsonObject bySubset)
            {
                bySubset = [];
                stats[category] = bySubset;
            }

            bySubset[group.GetProperty("subset").GetInt32().ToString(CultureInfo.InvariantCulture)] = entry(group);
        }

        return stats;
    }
}
