using System.Text.Json;
using System.Text.Json.Nodes;
using Fractal.Domain.Analyses.Survival;

using Fractal.FunctionApp.Fractalis.Tasks;

namespace Fractal.FunctionApp.Analytics.Survival;

/// <summary>
/// <c>survival-analysis</c>. Fractal.js (<c>src/vue/charts/Survivalplot.vue</c>) sends <c>durations</c> (a list of
/// exactly one numerical dataset; native takes the one), <c>event_observed</c> (a list of none or one dataset;
/// native takes the one or nothing), <c>categories</c>, <c>estimator</c> (<c>KaplanMeier</c>, <c>NelsonAalen</c>),
/// <c>id_filter</c> and <c>subsets</c>. It reads <c>label</c> (the durations' feature: the axis title and the legend),
/// <c>categories</c>, <c>subsets</c> and <c>stats[category][subset]</c> (subset 0-based) with <c>timeline</c>,
/// <c>estimate</c>, <c>ci_lower</c> and <c>ci_upper</c>, drawing the band from index 1 on. Fractalis' lifelines
/// starts every timeline at 0 (or at the earliest duration, when one is negative), where nothing has happened yet:
/// survival 1, cumulative hazard 0. The native curve, as R's <c>survfit</c>, starts at the first duration; when that
/// is after 0, this mapping puts the point at 0 in front, with its band collapsed onto the estimate. It is the same
/// step function, drawn from where lifelines draws it. Likewise, where the Kaplan–Meier band is undefined because
/// survival is certain (1 or 0; NaN natively, as in R), it is the estimate, as lifelines gives it, not null, which the
/// chart would draw at 0.
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

        args.WithScope(native);
        return native;
    }

    public JsonObject ToFractalis(JsonElement result, JsonObject nativeArgs)
    {
        var kaplanMeier = NativeJson.Text(result, "estimator") != SurvivalEstimator.NelsonAalen.ToName();
        var start = kaplanMeier ? 1.0 : 0.0;
        var stats = NativeJson.ByCategoryAndSubset(result.GetProperty("stats"), group =>
        {
            var curve = group.GetProperty("curve");
            var timeline = NativeJson.Numbers(curve, "timeline");
            var estimate = NativeJson.Numbers(curve, "estimate");
            var lower = NativeJson.Numbers(curve, "ci_lower");
            var upper = NativeJson.Numbers(curve, "ci_upper");
            if (kaplanMeier)
            {
                CollapseUndefinedBands(estimate, lower, upper);
            }

            if (timeline[0]!.GetValue<double>() > 0)
            {
                timeline.Insert(0, 0.0);
                estimate.Insert(0, start);
                lower.Insert(0, start);
                upper.Insert(0, start);
            }

            return new JsonObject
            {
                ["timeline"] = timeline,
                ["estimate"] = estimate,
                ["ci_lower"] = lower,
                ["ci_upper"] = upper,
            };
        });

        return new JsonObject
        {
            ["label"] = NativeJson.Value(result, "label"),
            ["categories"] = NativeJson.List(result, "categories"),
            ["subsets"] = NativeJson.List(result, "subsets"),
            ["stats"] = stats,
        };
    }

    // Where survival is certain (1 before any event, 0 after the last subject's), the log(-log) band is undefined
    // (NaN in R); lifelines fills it with 1 at survival 1 and finds 0 at survival 0: the band collapses onto the estimate.
    private static void CollapseUndefinedBands(JsonArray estimate, JsonArray lower, JsonArray upper)
    {
        for (var i = 0; i < estimate.Count; i++)
        {
            var survival = estimate[i]!.GetValue<double>();
            if (survival is 0.0 or 1.0)
            {
                lower[i] ??= survival;
                upper[i] ??= survival;
            }
        }
    }
}
