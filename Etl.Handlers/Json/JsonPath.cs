using System.Globalization;
using System.Text.Json;

namespace Fractal.Etl.Handlers.Json;

/// <summary>
/// A simple JSON path: property names separated by dots and array indexes in brackets, with or without
/// a leading <c>$</c> (<c>$.a.b</c>, <c>a.b</c>, <c>items[0].value</c>).
/// </summary>
internal sealed class JsonPath
{
    private readonly object[] _steps;

    private JsonPath(string text, object[] steps)
    {
        Text = text;
        _steps = steps;
    }

    public string Text { get; }

    /// <summary>The top-level property the path starts with.</summary>
    public string Root => _steps.Length > 0 && _steps[0] is string name ? name : string.Empty;

    public static bool TryParse(string text, out JsonPath? path)
    {
        path = null;
        var body = text.StartsWith("$.", StringComparison.Ordinal) ? text[2..] : text;
        if (string.IsNullOrWhiteSpace(body))
        {
            return false;
        }

        var steps = new List<object>();
        foreach (var segment in body.Split('.'))
        {
            var bracket = segment.IndexOf('[', StringComparison.Ordinal);
            var name = bracket < 0 ? segment : segment[..bracket];
            if (name.Length == 0 && (bracket != 0 || steps.Count == 0))
            {
                return false;
            }

            if (name.Length > 0)
            {
                steps.Add(name);
            }

            var rest = bracket < 0 ? string.Empty : segment[bracket..];
            while (rest.Length > 0)
            {
                var close = rest.IndexOf(']', StringComparison.Ordinal);
                if (rest[0] != '[' || close < 2 || !int.TryParse(rest.AsSpan(1, close - 1), NumberStyles.None, CultureInfo.InvariantCulture, out var index))
                {
                    return false;
                }

                steps.Add(index);
                rest = rest[(close + 1)..];
            }
        }

        path = new JsonPath(text, [.. steps]);
        return true;
    }

    public static JsonPath Parse(string text) =>
        TryParse(text, out var path) ? path! : throw new EtlDataException($"'{text}' is not a JSON path such as $.a.b", text);

    /// <summary>The value at this path, or null when any step is missing.</summary>
    public JsonElement? Evaluate(JsonElement element)
    {
        foreach (var step in _steps)
        {
            if (step is string name)
            {
                if (element.ValueKind != JsonValueKind.Object || !element.TryGetProperty(name, out element))
                {
                    return null;
                }
            }
            else
            {
                var index = (int)step;
                if (element.ValueKind != JsonValueKind.Array || index >= element.GetArrayLength())
                {
                    return null;
                }

                element = element[index];
            }
        }

        return element;
    }
}
