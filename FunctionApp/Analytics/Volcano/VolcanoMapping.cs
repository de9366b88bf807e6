using System.Text.Json;
using System.Text.Json.Nodes;
using Fractal.Domain.Analyses.Volcano;

using Fractal.FunctionApp.Fractalis.Tasks;

namespace Fractal.FunctionApp.Analytics.Volcano;

/// <summary>
/// <c>compute-volcanoplot</c>. Fractal.js (<c>src/vue/charts/Volcanoplot.vue</c>) sends <c>numerical_arrays</c>,
/// <c>id_filter</c>, <c>subsets</c>, <c>ranking_method</c> (<c>limma</c> or <c>DESeq2</c>) and <c>params</c>
/// (<c>min_total_row_count</c>, for DESeq2 only). Both map to the native methods of the same names; any other method
/// is accepted and then fails naming the supported ones. Fractal.js reads <c>stats</c> as an object of columns
/// (pandas <c>to_dict(orient='list')</c>). For limma, its top table: for two subsets <c>feature</c>, <c>logFC</c>,
/// <c>AveExpr</c>, <c>t</c>, <c>P.Value</c>, <c>adj.P.Val</c>, <c>B</c>; for three or more (the F test) <c>feature</c>,
/// one logFC column per contrast named as R's <c>topTable</c> names Fractalis' contrasts (<c>group3.group1</c> for
/// native <c>s3-s1</c>), <c>AveExpr</c>, <c>F</c>, <c>P.Value</c>, <c>adj.P.Val</c>. For DESeq2, its results table
/// after <c>feature</c>: <c>baseMean</c>, <c>log2FoldChange</c>, <c>lfcSE</c>, <c>stat</c>, <c>pvalue</c>, <c>padj</c>.
/// </summary>
internal sealed class VolcanoMapping : IFractalisTask
{
    private static readonly string[] s_columns = ["logFC", "AveExpr", "t", "P.Value", "adj.P.Val", "B"];
    private static readonly string[] s_fTestColumns = ["AveExpr", "F", "P.Value", "adj.P.Val"];

    // DESeq2's results columns, each with the native field it comes from.
    private static readonly (string Column, string Native)[] s_deseq2Columns =
        [("baseMean", "baseMean"), ("log2FoldChange", "logFC"), ("lfcSE", "lfcSE"), ("stat", "t"), ("pvalue", "P.Value"), ("padj", "adj.P.Val")];

    public string TaskName => VolcanoAnalysis.TaskName;

    public JsonObject ToNative(FractalisArgs args)
    {
        ArgumentNullException.ThrowIfNull(args);
        var arrays = args.DatasetReferences("numerical_arrays");
        if (arrays.Count == 0)
        {
            throw new FractalisArgumentException("numerical_arrays", "numerical_arrays is required: at least one numerical_array dataset.");
        }

        var method = args.Text("ranking_method") ?? "limma";
        if (method is not ("limma" or VolcanoAnalysis.DESeq2Method))
        {
            throw new FractalisUnsupportedTaskException(
                FractalisUnsupportedTaskException.DefaultErrorType,
                $"The ranking method '{method}' is not supported; limma and DESeq2 are the methods for volcano plots.");
        }

        var native = new JsonObject
        {
            ["numerical_arrays"] = arrays,
            ["ranking_method"] = method,
            ["id_filter"] = args.Ids("id_filter"),
            ["subsets"] = args.IdLists("subsets"),
        };
        if (method == VolcanoAnalysis.DESeq2Method && new FractalisArgs(args.ObjectArgument("params") ?? []).Number("min_total_row_count") is { } minimum)
        {
            native["min_total_row_count"] = minimum;
        }

        return native;
    }

    public JsonObject ToFractalis(JsonElement result, JsonObject nativeArgs)
    {
        if (result.TryGetProperty("contrasts", out var contrasts) && contrasts.ValueKind == JsonValueKind.Array)
        {
            return FTestToFractalis(result, [.. contrasts.EnumerateArray().Select(c => LimmaContrastNames.ToFractalis(c.GetString()))]);
        }

        if (result.TryGetProperty("ranking_method", out var method) && method.GetString() == VolcanoAnalysis.DESeq2Method)
        {
            return DESeq2ToFractalis(result);
        }

        var stats = new PandasFrame(["feature", .. s_columns]);
        foreach (var feature in result.GetProperty("stats").EnumerateArray())
        {
            stats.Add([NativeJson.Value(feature, "feature"), .. s_columns.Select(column => feature.TryGetProperty(column, out var value) ? NativeJson.Number(value) : null)]);
        }

        return new JsonObject { ["stats"] = stats.ToColumns() };
    }

    private static JsonObject DESeq2ToFractalis(JsonElement result)
    {
        var stats = new PandasFrame(["feature", .. s_deseq2Columns.Select(c => c.Column)]);
        foreach (var feature in result.GetProperty("stats").EnumerateArray())
        {
            stats.Add([NativeJson.Value(feature, "feature"), .. s_deseq2Columns.Select(c => NativeJson.Number(feature, c.Native))]);
        }

        return new JsonObject { ["stats"] = stats.ToColumns() };
    }

    private static JsonObject FTestToFractalis(JsonElement result, string[] contrastColumns)
    {
        var stats = new PandasFrame(["feature", .. contrastColumns, .. s_fTestColumns]);
        foreach (var feature in result.GetProperty("stats").EnumerateArray())
        {
            stats.Add([NativeJson.Value(feature, "feature"), .. NativeJson.Numbers(feature, "logFCs").Select(n => n?.DeepClone()), .. s_fTestColumns.Select(column => NativeJson.Number(feature, column))]);
        }

        return new JsonObject { ["stats"] = stats.ToColumns() };
    }
}
