using System.Text.Json;
using System.Text.Json.Nodes;
using Fractal.Domain.Analyses.Heatmap;

using Fractal.FunctionApp.Fractalis.Tasks;

namespace Fractal.FunctionApp.Analytics.Heatmap;

/// <summary>
/// <c>compute-heatmap</c>. Fractal.js (<c>src/vue/charts/Heatmap.vue</c>) sends <c>numerical_arrays</c>,
/// <c>numericals</c> and <c>categoricals</c> (always empty; Fractalis ignores them, and so does this mapping),
/// <c>ranking_method</c>, <c>params</c> (dropped), <c>id_filter</c>, <c>max_rows</c> and <c>subsets</c>. Its ranking
/// choices are <c>mean</c>, <c>median</c> and <c>variance</c> (fewer than two subsets), limma's <c>logFC</c> (the
/// default), <c>P.Value</c>, <c>AveExpr</c>, <c>t</c>, <c>adj.P.Val</c> and <c>B</c> (two subsets), or <c>F</c>,
/// <c>P.Value</c>, <c>AveExpr</c> and <c>adj.P.Val</c> (more). A limma column maps to native <c>ranking_method:
/// limma</c> with <c>rank_by</c> naming the column, which the native heatmap sorts as Fractalis does (p-values
/// smallest first, <c>logFC</c> and <c>t</c> by absolute value, the others largest first). Fractal.js reads
/// <c>data</c> and <c>stats</c> as objects of columns (pandas <c>to_dict(orient='list')</c>): <c>data.id</c>,
/// <c>data.feature</c>, <c>data.value</c>, <c>data.zscore</c>, <c>data.subset</c> per cell, and <c>stats.feature</c>
/// with one column per statistic, best ranked first; it draws <c>stats[ranking_method]</c>. It then sends the
/// z-scores to <c>compute-cluster</c>.
/// </summary>
internal sealed class HeatmapMapping : IFractalisTask
{
    public string TaskName => HeatmapAnalysis.TaskName;

    public JsonObject ToNative(FractalisArgs args)
    {
        ArgumentNullException.ThrowIfNull(args);
        var arrays = args.DatasetReferences("numerical_arrays");
        if (arrays.Count == 0)
        {
            throw new FractalisArgumentException("numerical_arrays", "numerical_arrays is required: at least one numerical_array dataset.");
        }

        var ranking = args.Text("ranking_method") ?? "mean";
        var native = new JsonObject { ["numerical_arrays"] = arrays };
        if (HeatmapAnalysis.RankingMethods.Contains(ranking, StringComparer.Ordinal))
        {
            native["ranking_method"] = ranking;
        }
        else if (LimmaRankColumns.All.Contains(ranking, StringComparer.Ordinal))
        {
            native["ranking_method"] = "limma";
            native["rank_by"] = ranking;
        }
        else
        {
            throw new FractalisArgumentException(
                "ranking_method", $"Unknown ranking_method '{ranking}'; use one of {string.Join(", ", HeatmapAnalysis.RankingMethods.Concat(LimmaRankColumns.All))}.");
        }

        if (args.Number("max_rows") is { } maxRows)
        {
            native["max_rows"] = maxRows;
        }

        args.WithScope(native, categories: false);
        return native;
    }

    public JsonObject ToFractalis(JsonElement result, JsonObject nativeArgs)
    {
        var data = new PandasFrame("feature", "id", "value", "zscore", "subset");
        foreach (var cell in result.GetProperty("data").EnumerateArray())
        {
            data.Add(
                NativeJson.Value(cell, "feature"),
                NativeJson.Value(cell, "id"),
                NativeJson.Number(cell, "value"),
                NativeJson.Number(cell, "zscore"),
                NativeJson.Value(cell, "subset"));
        }

        var stats = new JsonObject();
        foreach (var column in result.GetProperty("stats").EnumerateObject())
        {
            var name = LimmaContrastNames.IsNative(column.Name) ? LimmaContrastNames.ToFractalis(column.Name) : column.Name;
            stats[name] = column.Name == "feature" ? NativeJson.List(result.GetProperty("stats"), "feature") : NativeJson.Numbers(column.Value);
        }

        return new JsonObject { ["data"] = data.ToColumns(), ["stats"] = stats };
    }
}
