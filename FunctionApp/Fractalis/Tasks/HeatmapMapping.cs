using System.Text.Json;
using System.Text.Json.Nodes;
using Fractal.Domain.Analyses.Heatmap;

namespace Fractal.FunctionApp.Fractalis.Tasks;

/// <summary>
/// <c>compute-heatmap</c>. Fractal.js (<c>src/vue/charts/Heatmap.vue</c>) sends <c>numerical_arrays</c>,
/// <c>numericals</c> and <c>categoricals</c> (always empty; Fractalis ignores them, and so does this mapping),
/// <c>ranking_method</c>, <c>params</c> (dropped), <c>id_filter</c>, <c>max_rows</c> and <c>subsets</c>. Fractalis
/// ranks by <c>mean</c>, <c>median</c> or <c>variance</c>, or by a column of limma's table; Fractal ranks limma's
/// table by <c>P.Value</c>, so <c>P.Value</c> and <c>adj.P.Val</c> (the same order) map to native <c>limma</c> and
/// the other columns are refused as unsupported. Fractal.js reads <c>data</c> and <c>stats</c> as objects of columns
/// (pandas <c>to_dict(orient='list')</c>): <c>data.id</c>, <c>data.feature</c>, <c>data.value</c>, <c>data.zscore</c>,
/// <c>data.subset</c> per cell, and <c>stats.feature</c> with one column per statistic (<c>stats[ranking_method]</c>).
/// It then sends the z-scores to <c>compute-cluster</c>.
/// </summary>
internal sealed class HeatmapMapping : IFractalisTask
{
    private static readonly string[] s_native = ["mean", "median", "variance"];
    private static readonly string[] s_limmaRanking = ["limma", "P.Value", "adj.P.Val"];
    private static readonly string[] s_limmaColumns = ["logFC", "AveExpr", "t", "B", "F"];

    public string TaskName => HeatmapAnalysis.TaskName;

    public JsonObject ToNative(FractalisArgs args)
    {
        ArgumentNullException.ThrowIfNull(args);
        var arrays = args.DatasetReferences("numerical_arrays");
        if (arrays.Count == 0)
        {
            throw new FractalisArgumentException("numerical_arrays", "numerical_arrays is required: at least one numerical_array dataset.");
        }

        var native = new JsonObject
        {
            ["numerical_arrays"] = arrays,
            ["ranking_method"] = RankingMethod(args.Text("ranking_method") ?? "mean"),
        };
        if (args.Number("max_rows") is { } maxRows)
        {
            native["max_rows"] = maxRows;
        }

        native["id_filter"] = args.Ids("id_filter");
        native["subsets"] = args.IdLists("subsets");
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
            stats[column.Name] = column.Name == "feature" ? NativeJson.List(result.GetProperty("stats"), "feature") : NativeJson.Numbers(column.Value);
        }

        return new JsonObject { ["data"] = data.ToColumns(), ["stats"] = stats };
    }

    private static string RankingMethod(string method)
    {
        if (s_native.Contains(method, StringComparer.Ordinal))
        {
            return method;
        }

        if (s_limmaRanking.Contains(method, StringComparer.Ordinal))
        {
            return "limma";
        }

        return s_limmaColumns.Contains(method, StringComparer.Ordinal)
            ? throw new FractalisUnsupportedTaskException(
                FractalisUnsupportedTaskException.DefaultErrorType,
                $"Ranking a heatmap by limma's '{method}' is not supported: Fractal ranks limma's results by P.Value; use P.Value, adj.P.Val, mean, median or variance.")
            : throw new FractalisArgumentException(
                "ranking_method", $"Unknown ranking_method '{method}'; use mean, median, variance, P.Value or adj.P.Val.");
    }
}
