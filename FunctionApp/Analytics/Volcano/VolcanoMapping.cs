using System.Text.Json;
using System.Text.Json.Nodes;
using Fractal.Domain.Analyses.Volcano;

using Fractal.FunctionApp.Fractalis.Tasks;

namespace Fractal.FunctionApp.Analytics.Volcano;

/// <summary>
/// <c>compute-volcanoplot</c>. Fractal.js (<c>src/vue/charts/Volcanoplot.vue</c>) sends <c>numerical_arrays</c>,
/// <c>id_filter</c>, <c>subsets</c>, <c>ranking_method</c> (<c>limma</c> or <c>DESeq2</c>) and <c>params</c>
/// (<c>min_total_row_count</c>, for DESeq2 only; dropped). limma maps to native <c>limma</c>; any other method is
/// accepted and then fails naming limma as the supported method. Fractal.js reads <c>stats</c> as an object of
/// columns (pandas <c>to_dict(orient='list')</c> of limma's top table): for two subsets <c>feature</c>,
/// <c>logFC</c>, <c>AveExpr</c>, <c>t</c>, <c>P.Value</c>, <c>adj.P.Val</c>, <c>B</c>; for three or more (the F test)
/// <c>feature</c>, one logFC column per contrast named as R's <c>topTable</c> names Fractalis' contrasts
/// (<c>group3.group1</c> for native <c>s3-s1</c>), <c>AveExpr</c>, <c>F</c>, <c>P.Value</c>, <c>adj.P.Val</c>.
/// </summary>
internal sealed class VolcanoMapping : IFractalisTask
{
    private static readonly string[] s_columns = ["logFC", "AveExpr", "t", "P.Value", "adj.P.Val", "B"];
    private static readonly string[] s_fTestColumns = ["AveExpr", "F", "P.Value", "adj.P.Val"];

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
        if (method != "limma")
        {
            throw new FractalisUnsupportedTaskException(
                FractalisUnsupportedTaskException.DefaultErrorType,
                $"The ranking method '{method}' is not supported; limma is the supported method for volcano plots.");
        }

        return new JsonObject
        {
            ["numerical_arrays"] = arrays,
            ["ranking_method"] = "limma",
            ["id_filter"] = args.Ids("id_filter"),
            ["subsets"] = args.IdLists("subsets"),
        };
    }

    public JsonObject ToFractalis(JsonElement result, JsonObject nativeArgs)
    {
        if (result.TryGetProperty("contrasts", out var contrasts) && contrasts.ValueKind == JsonValueKind.Array)
        {
            return FTestToFractalis(result, [.. contrasts.EnumerateArray().Select(c => LimmaContrastNames.ToFractalis(c.GetString()))]);
        }

        var stats = new PandasFrame(["feature", .. s_columns]);
        foreach (var feature in result.GetProperty("stats").EnumerateArray())
        {
            stats.Add([NativeJson.Value(feature, "feature"), .. s_columns.Select(column => feature.TryGetProperty(column, out var value) ? NativeJson.Number(value) : null)]);
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
