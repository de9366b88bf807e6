using System.Text.Json;
using System.Text.Json.Serialization;

namespace Fractal.FunctionApp.Analytics;

/// <summary>
/// JSON for analysis plans, partial results and outputs: web defaults plus NaN and infinities as
/// named literals, since the statistics report "NaN with a reason" rather than failing.
/// </summary>
internal static class AnalyticsJson
{
    public static JsonSerializerOptions Options { get; } = new(JsonSerializerOptions.Web)
    {
        NumberHandling = JsonNumberHandling.AllowReadingFromString | JsonNumberHandling.AllowNamedFloatingPointLiterals,
    };

    public static string Serialize<T>(T value) => JsonSerializer.Serialize(value, Options);

    public static T Deserialize<T>(string json) =>
        JsonSerializer.Deserialize<T>(json, Options) ?? throw new JsonException($"Expected a {typeof(T).Name}, found JSON null.");

    /// <summary>A value as the JSON the orchestration passes between activities.</summary>
    public static JsonElement ToElement<T>(T value) => JsonSerializer.SerializeToElement(value, Options);

    /// <summary>A value read back from the JSON an activity passed on.</summary>
    public static T FromElement<T>(JsonElement json) =>
        json.Deserialize<T>(Options) ?? throw new JsonException($"Expected a {typeof(T).Name}, found JSON null.");
}
