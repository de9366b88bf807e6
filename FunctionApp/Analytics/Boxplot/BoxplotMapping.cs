using System.Text.Json;
using System.Text.Json.Nodes;
using Fractal.Domain.Analyses.Boxplot;

using Fractal.FunctionApp.Fractalis.Tasks;

namespace Fractal.FunctionApp.Analytics.Boxplot;

/// <summary>
/// <c>compute-boxplot</c>. Fractal.js (<c>src/vue/charts/Boxplot.vue</c>) sends <c>features</c> (numerical
/// datasets; native <c>variables</c>), <c>categories</c>, <c>id_filter</c>, <c>subsets</c> and, in later
/// versions, <c>transformation</c> spelled as Fractalis does (<c>identity</c>, <c>log2(x)</c>, <c>log10(x)</c>,
/// <c>2^x</c>, <c>10^x</c>; native <c>identity</c>, <c>log2</c>, <c>log10</c>, <c>pow2</c>, <c>pow10</c>). It reads
/// <c>statistics</c> keyed by <c>feature//category//sN</c>, each with <c>l_qrt</c>, <c>median</c>, <c>u_qrt</c>,
/// <c>l_wsk</c>, <c>u_wsk</c> and <c>kde</c>; <c>anova.f_value</c> and <c>anova.p_value</c>; and <c>JSON.parse</c>s
/// <c>data</c>, every transformed value kept, as pandas <c>to_json(orient='records')</c>: <c>id</c>, <c>feature</c>,
/// <c>value</c>, <c>subset</c> (0-based), <c>category</c>, <c>outlier</c> (null in a group of one value, which has no
/// box; the chart still counts its value in the y axis' range). Fractalis also returns <c>features</c>,
/// <c>categories</c> and <c>subsets</c>; here they are those of the boxes.
/// </summary>
internal sealed class BoxplotMapping : IFractalisTask
{
    private static readonly Dictionary<string, string> s_transformations = new(StringComparer.Ordinal)
    {
        ["identity"] = "identity",
        ["log2(x)"] = "log2",
        ["log10(x)"] = "log10",
        ["2^x"] = "pow2",
        ["10^x"] = "pow10",
    };

    public string TaskName => BoxplotAnalysis.TaskName;

    public JsonObject ToNative(FractalisArgs args)
    {
        ArgumentNullException.ThrowIfNull(args);
        var features = args.DatasetReferences("features");
        if (features.Count == 0)
        {
            throw new FractalisArgumentException("features", "features is required: at least one numerical dataset.");
        }

        var transformation = args.Text("transformation") ?? "identity";
        return args.WithScope(new JsonObject
        {
            ["variables"] = features,
            ["transformation"] = s_transformations.TryGetValue(transformation, out var native)
                ? native
                : throw new FractalisArgumentException("transformation", $"Unknown transformation '{transformation}'; use one of {string.Join(", ", s_transformations.Keys)}."),
        });
    }

    public JsonObject ToFractalis(JsonElement result, JsonObject nativeArgs)
    {
        var statistics = new JsonObject();
        foreach (var group in result.GetProperty("statistics").EnumerateArray())
        {
            var box = group.GetProperty("statistics");
            statistics[NativeJson.Text(group, "label")] = new JsonObject
            {
                ["l_qrt"] = NativeJson.Number(box, "l_qrt"),
                ["median"] = NativeJson.Number(box, "median"),
                ["u_qrt"] = NativeJson.Number(box, "u_qrt"),
                ["l_wsk"] = NativeJson.Number(box, "l_wsk"),
                ["u_wsk"] = NativeJson.Number(box, "u_wsk"),
                ["kde"] = NativeJson.Numbers(box, "kde"),
            };
        }

        var data = new PandasFrame("id", "feature", "value", "subset", "category", "outlier");
        foreach (var point in result.GetProperty("data").EnumerateArray())
        {
            data.Add(
                NativeJson.Value(point, "id"),
                NativeJson.Value(point, "feature"),
                NativeJson.Number(point, "value"),
                NativeJson.Value(point, "subset"),
                NativeJson.Value(point, "category"),
                NativeJson.Value(point, "outlier"));
        }

        var anova = result.GetProperty("anova");
        return new JsonObject
        {
            ["statistics"] = statistics,
            ["features"] = NativeJson.List(result, "features"),
            ["categories"] = NativeJson.List(result, "categories"),
            ["subsets"] = NativeJson.List(result, "subsets"),
            ["data"] = data.ToRecords(),
            ["anova"] = new JsonObject
            {
                ["p_value"] = NativeJson.Number(anova, "p_value"),
                ["f_value"] = NativeJson.Number(anova, "f_value"),
            },
        };
    }
}
