using System.Text.Json;

namespace Fractal.Durable;

/// <summary>Turns inputs, outputs and custom status into JSON and back, with the web defaults (camelCase, case-insensitive).</summary>
public sealed class DataConverter
{
    private readonly JsonSerializerOptions _options;

    public DataConverter(JsonSerializerOptions? options = null)
    {
        _options = options ?? JsonSerializerOptions.Web;
    }

    /// <summary>The shared default converter.</summary>
    public static DataConverter Default { get; } = new();

    /// <summary>JSON for <paramref name="value"/>; null for null.</summary>
    public string? Serialize(object? value) => value switch
    {
        null => null,
        _ => JsonSerializer.Serialize(value, value.GetType(), _options),
    };

    /// <summary>The value that <paramref name="json"/> holds; default for null.</summary>
    public T? Deserialize<T>(string? json) => json is null ? default : JsonSerializer.Deserialize<T>(json, _options);

    /// <summary>The value that <paramref name="json"/> holds, as <paramref name="type"/>; null for null.</summary>
    public object? Deserialize(string? json, Type type)
    {
        ArgumentNullException.ThrowIfNull(type);
        return json is null ? null : JsonSerializer.Deserialize(json, type, _options);
    }
}
