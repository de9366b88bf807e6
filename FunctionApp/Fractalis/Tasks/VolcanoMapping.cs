using System.Text.Json;
using System.Text.Json.Nodes;
using Fractal.Domain.Analyses.Volcano;

namespace Fractal.FunctionApp.Fractalis.Tasks;

/// <summary>
/// <c>compute-volcanoplot</c>. Fractal.js (<c>src/vue/charts/Volcanoplot.vue</c>) sends <c>numerical_arrays</c>,
/// <c>id_filter</c>, <c>subsets</c>, <c>ranking_method</c> (<c>limma</c> or <c>DESeq2</c>) and <c>params</c>
/// (<c>min_total_row_count</c>, for DESeq2 only; dropped). limma maps to native <c>limma</c>; any other method is
/// accepted and then fails naming limma as the supported method. Fractal.js reads <c>stats</c> as an object of
/// columns (pandas <c>to_dict(orient='list')</c> of limma's top table): <c>feature</c>, <c>logFC</c>,
/// <c>AveExpr</c>, <c>t</c>, <c>P.Value</c>, <c>adj.P.Val</c>, <c>B</c>.
/// </summary>
internal sealed class VolcanoMapping : IFractalisTask
{
    private static readonly string[] s_columns = ["logFC", "AveExpr", "t", "P.Value", "adj.P.Val", "B"];

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
        var stats = new PandasFrame(["feature", .. s_columns]);
        foreach (var feature in result.GetProperty("stats").EnumerateArray())
        {
            stats.Add([NativeJson.Value(feature, "feature"), .. s_columns.Select(column => feature.TryGetProperty(column, out var value) ? NativeJson.Number(value) : null)]);
        }

        return new JsonObject { ["stats"] = stats.ToColumns() };
    }
}
