using System.Text.Json;
using System.Text.Json.Nodes;
using Fractal.FunctionApp.Analytics;
using Fractal.FunctionApp.Fractalis.Tasks;

namespace Fractal.FunctionApp.Tests.Fractalis;

/// <summary>What Fractal.js gets: a native result serialized as the app stores it, translated, and <c>JSON.parse</c>d.</summary>
internal static class FractalisResult
{
    /// <summary>The native result as the analytics API serializes it.</summary>
    public static JsonElement Native<T>(T result)
    {
        using var document = JsonDocument.Parse(AnalyticsJson.Serialize(result));
        return document.RootElement.Clone();
    }

    /// <summary><c>JSON.parse(result)</c> of the translated result.</summary>
    public static JsonObject Parse(string taskName, JsonElement native, JsonObject nativeArgs) =>
        JsonNode.Parse(FractalisTaskResults.ToFractalis(taskName, native, nativeArgs))!.AsObject();

    /// <summary><c>JSON.parse(results[name])</c>: a field Fractalis sends as a JSON string.</summary>
    public static JsonNode ParseNested(JsonObject result, string name)
    {
        var text = result[name];
        Assert.NotNull(text);
        Assert.Equal(JsonValueKind.String, text.GetValueKind());
        return JsonNode.Parse(text.GetValue<string>())!;
    }

    /// <summary>A number of a translated result; fails on null.</summary>
    public static double Number(JsonNode? node)
    {
        Assert.NotNull(node);
        Assert.Equal(JsonValueKind.Number, node.GetValueKind());
        return node.GetValue<double>();
    }

    /// <summary>Chart args as Fractal.js writes them (its <c>args</c> object, references already resolved).</summary>
    public static JsonObject Args(string json) => JsonNode.Parse(json)!.AsObject();
}
