using System.Text.Json;
using System.Text.Json.Nodes;
using Fractal.FunctionApp.Analytics;
using Fractal.FunctionApp.Analytics.Definitions;
using Fractal.FunctionApp.Analytics.Sql;
using Fractal.FunctionApp.Fractalis.Tasks;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Fractal.FunctionApp.Tests.Fractalis;

/// <summary>What Fractal.js gets: a native result serialized as the app stores it, translated, and <c>JSON.parse</c>d.</summary>
internal static class FractalisResult
{
    /// <summary>The app's analyses, as <c>AddFractalAnalyses</c> registers them.</summary>
    public static AnalysisRegistry Analyses { get; } = new ServiceCollection()
        .AddSingleton(Options.Create(new SqlSettings()))
        .AddFractalAnalyses()
        .BuildServiceProvider()
        .GetRequiredService<AnalysisRegistry>();

    /// <summary>The Fractalis mapping of <paramref name="taskName"/>.</summary>
    public static IFractalisTask Mapping(string taskName) =>
        Analyses.Find(taskName)?.Fractalis ?? throw new ArgumentException($"'{taskName}' has no Fractalis mapping.", nameof(taskName));

    /// <summary>The native <c>args</c> for Fractal.js' <paramref name="args"/> of <paramref name="taskName"/>.</summary>
    public static JsonObject ToNative(string taskName, JsonObject args) => Mapping(taskName).ToNative(new FractalisArgs(args));

    /// <summary>The native result as the analytics API serializes it.</summary>
    public static JsonElement Native<T>(T result)
    {
        using var document = JsonDocument.Parse(AnalyticsJson.Serialize(result));
        return document.RootElement.Clone();
    }

    /// <summary><c>JSON.parse(result)</c> of the translated result.</summary>
    public static JsonObject Parse(string taskName, JsonElement native, JsonObject nativeArgs) =>
        JsonNode.Parse(Mapping(taskName).ToFractalis(native, nativeArgs).ToJsonString())!.AsObject();

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
