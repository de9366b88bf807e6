using System.Text.Json;
using Fractal.Domain.Analyses;

namespace Fractal.FunctionApp.Analytics;

/// <summary>
/// Reads an analysis' <c>args</c> object by parameter name; a value of the wrong JSON type is an
/// <see cref="AnalysisArgumentException"/> naming the parameter.
/// </summary>
public sealed class AnalysisArgs
{
    private readonly JsonElement _args;

    public AnalysisArgs(JsonElement args)
    {
        _args = args.ValueKind switch
        {
            JsonValueKind.Object => args.Clone(),
            JsonValueKind.Undefined or JsonValueKind.Null => JsonDocument.Parse("{}").RootElement.Clone(),
            _ => throw new AnalysisArgumentException("args", $"args must be a JSON object; it is {args.ValueKind}."),
        };
    }

    public static AnalysisArgs Parse(string json)
    {
        using var document = JsonDocument.Parse(json);
        return new AnalysisArgs(document.RootElement);
    }

    public string ToJson() => _args.GetRawText();

    public bool Has(string name) => _args.TryGetProperty(name, out var value) && value.ValueKind != JsonValueKind.Null;

    public string? Text(string name, string? fallback = null) => Value(name) is not { } value ? fallback
        : value.ValueKind == JsonValueKind.String ? value.GetString()
        : throw Wrong(name, "a string");

    public int WholeNumber(string name, int fallback) => Value(name) is not { } value ? fallback
        : value.ValueKind == JsonValueKind.Number && value.TryGetInt32(out var number) ? number
        : throw Wrong(name, "a whole number");

    public double Number(string name, double fallback) => Value(name) is not { } value ? fallback
        : value.ValueKind == JsonValueKind.Number ? value.GetDouble()
        : throw Wrong(name, "a number");

    public bool Boolean(string name, bool fallback) => Value(name) is not { } value ? fallback
        : value.ValueKind is JsonValueKind.True or JsonValueKind.False ? value.GetBoolean()
        : throw Wrong(name, "true or false");

    /// <summary>A list of strings; a single string is read as a list of one.</summary>
    public IReadOnlyList<string> Texts(string name)
    {
        if (Value(name) is not { } value)
        {
            return [];
        }

        if (value.ValueKind == JsonValueKind.String)
        {
            return [value.GetString()!];
        }

        if (value.ValueKind != JsonValueKind.Array || value.EnumerateArray().Any(e => e.ValueKind != JsonValueKind.String))
        {
            throw Wrong(name, "a list of strings");
        }

        return [.. value.EnumerateArray().Select(e => e.GetString()!)];
    }

    /// <summary>A dataset reference; null when the argument is absent.</summary>
    public DatasetReference? Dataset(string name) => Value(name) is { } value ? DatasetReference.Parse(value, name) : null;

    /// <summary>A list of dataset references; a single reference is read as a list of one.</summary>
    public IReadOnlyList<DatasetReference> Datasets(string name) => Value(name) switch
    {
        null => [],
        { ValueKind: JsonValueKind.Array } list => [.. list.EnumerateArray().Select((e, i) => DatasetReference.Parse(e, $"{name}[{i}]"))],
        { } one => [DatasetReference.Parse(one, name)],
    };

    public IReadOnlyList<IReadOnlyList<string>> TextLists(string name)
    {
        if (Value(name) is not { } value)
        {
            return [];
        }

        if (value.ValueKind != JsonValueKind.Array
            || value.EnumerateArray().Any(list => list.ValueKind != JsonValueKind.Array || list.EnumerateArray().Any(e => e.ValueKind != JsonValueKind.String)))
        {
            throw Wrong(name, "a list of lists of ids");
        }

        return [.. value.EnumerateArray().Select(list => (IReadOnlyList<string>)[.. list.EnumerateArray().Select(e => e.GetString()!)])];
    }

    public T Options<T>(string name)
        where T : new()
    {
        if (Value(name) is not { } value)
        {
            return new T();
        }

        if (value.ValueKind != JsonValueKind.Object)
        {
            throw Wrong(name, "an object");
        }

        try
        {
            return value.Deserialize<T>(AnalyticsJson.Options) ?? new T();
        }
        catch (JsonException error)
        {
            throw new AnalysisArgumentException(string.IsNullOrEmpty(error.Path) || error.Path == "$" ? name : name + error.Path[1..], $"{name} is not valid: {error.Message}");
        }
    }

    private JsonElement? Value(string name) =>
        _args.TryGetProperty(name, out var value) && value.ValueKind != JsonValueKind.Null ? value : null;

    private static AnalysisArgumentException Wrong(string name, string expected) => new(name, $"{name} must be {expected}.");
}
