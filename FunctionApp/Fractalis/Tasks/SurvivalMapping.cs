using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Fractal.Domain.Analyses.Survival;

namespace Fractal.FunctionApp.Fractalis.Tasks;

/// <summary>
/// <c>survival-analysis</c>. Fractal.js (<c>src/vue/charts/Survivalplot.vue</c>) sends <c>durations</c> (a list of
/// exactly one numerical dataset; native takes the one), <c>event_observed</c> (a list of none or one dataset;
/// native takes the one or nothing), <c>categories</c>, <c>estimator</c> (<c>KaplanMeier</c>, <c>NelsonAalen</c>),
/// <c>id_filter</c> and <c>subsets</c>. It reads <c>label</c> (the durations' feature), <c>categories</c>,
/// <c>subsets</c> and <c>stats[category][subset]</c> (subset 0-based) with <c>timeline</c>, <c>estimate</c>,
/// <c>ci_lower</c> and <c>ci_upper</c>. The native result has no label yet, so <c>label</c> is the native
/// <c>label</c> when there is one, otherwise null.
/// </summary>
internal sealed class SurvivalMapping : IFractalisTask
{
    public string TaskName => SurvivalAnalysis.TaskName;

    public JsonObject ToNative(FractalisArgs args)
    {
        ArgumentNullException.ThrowIfNull(args);
        var native = new JsonObject { ["durations"] = args.SingleDatasetReference("durations") };
        var observed = args.DatasetReferences("event_observed");
        if (observed.Count > 1)
        {
            throw new FractalisArgumentException("event_observed", $"event_observed names at most one dataset; it names {observed.Count}.");
        }

        if (observed.Count == 1)
        {
            native["event_observed"] = observed[0]!.DeepClone();
        }

        if (args.Text("estimator") is { } estimator)
        {
            native["estimator"] = estimator;
        }

        native["id_filter"] = args.Ids("id_filter");
        native["subsets"] = args.IdLists("subsets");
        native["categories"] = args.DatasetReferences("categories");
        return native;
    }

    public JsonObject ToFractalis(JsonElement result, JsonObject nativeArgs)
    {
        var stats = new JsonObject();
        foreach (var group in result.GetProperty("stats").EnumerateArray())
        {
            var category = NativeJson.Text(group, "category");
            if (stats[category] is not JsonObject bySubset)
            {
                bySubset = [];
                stats[category] = bySubset;
            }

            var curve = group.GetProperty("curve");
            bySubset[group.GetProperty("subset").GetInt32().ToString(CultureInfo.InvariantCulture)] = new JsonObject
            {
                ["timeline"] = NativeJson.Numbers(curve, "timeline"),
                ["estimate"] = NativeJson.Numbers(curve, "estimate"),
                ["ci_lower"] = NativeJson.Numbers(curve, "ci_lower"),
                ["ci_upper"] = NativeJson.Numbers(curve, "ci_upper"),
            };
        }

        return new JsonObject
        {
            ["label"] = NativeJson.Value(result, "label"),
            ["categories"] = NativeJson.List(result, "categories"),
            ["subsets"] = NativeJson.List(result, "subsets"),
            ["stats"] = stats,
        };
    }
}
