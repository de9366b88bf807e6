using System.Text.Json;
using System.Text.Json.Nodes;
using Fractal.Domain.Analyses.Histogram;

using Fractal.FunctionApp.Fractalis.Tasks;

namespace Fractal.FunctionApp.Analytics.Histogram;

/// <summary>
/// <c>compute-histogram</c>. Fractal.js (<c>src/vue/charts/Histogram.vue</c>) sends <c>data</c> (one numerical
/// dataset: the first of its data box), <c>categories</c>, <c>bw_factor</c>, <c>num_bins</c>, <c>id_filter</c> and
/// <c>subsets</c>: all native under the same names. It reads <c>label</c>, <c>categories</c>, <c>subsets</c> and
/// <c>stats[category][subset]</c> (subset 0-based) with <c>hist</c>, <c>bin_edges</c> and <c>dist</c>; Fractalis
/// also gives each group's <c>mean</c>, <c>median</c> and <c>std</c>, and <c>data</c>, the values as pandas
/// <c>to_json(orient='records')</c>: <c>id</c>, <c>feature</c>, <c>value</c>, <c>subset</c>, <c>category</c>.
/// </summary>
internal sealed class HistogramMapping : IFractalisTask
{
    public string TaskName => HistogramAnalysis.TaskName;

    public JsonObject ToNative(FractalisArgs args)
    {
        ArgumentNullException.ThrowIfNull(args);
        var native = new JsonObject { ["data"] = args.SingleDatasetReference("data") };
        if (args.Number("num_bins") is { } bins)
        {
            native["num_bins"] = bins;
        }

        if (args.Number("bw_factor") is { } factor)
        {
            native["bw_factor"] = factor;
        }

        args.WithScope(native);
        return native;
    }

    public JsonObject ToFractalis(JsonElement result, JsonObject nativeArgs)
    {
        var stats = NativeJson.ByCategoryAndSubset(result.GetProperty("stats"), group =>
        {
            var statistics = group.GetProperty("statistics");
            return new JsonObject
            {
                ["hist"] = NativeJson.List(statistics, "hist"),
                ["bin_edges"] = NativeJson.Numbers(statistics, "bin_edges"),
                ["mean"] = NativeJson.Number(statistics, "mean"),
                ["median"] = NativeJson.Number(statistics, "median"),
                ["std"] = NativeJson.Number(statistics, "std"),
                ["dist"] = NativeJson.Numbers(statistics, "dist"),
            };
        });

        var label = NativeJson.Text(result, "label");
        var data = new PandasFrame("id", "feature", "value", "subset", "category");
        foreach (var point in result.GetProperty("data").EnumerateArray())
        {
            data.Add(NativeJson.Value(point, "id"), label, NativeJson.Number(point, "value"), NativeJson.Value(point, "subset"), NativeJson.Value(point, "category"));
        }

        return new JsonObject
        {
            ["data"] = data.ToRecords(),
            ["stats"] = stats,
            ["subsets"] = NativeJson.List(result, "subsets"),
            ["categories"] = NativeJson.List(result, "categories"),
            ["label"] = label,
        };
    }
}
