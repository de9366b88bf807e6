using System.Text.Json;
using System.Text.Json.Nodes;
using Fractal.Domain.Analyses.Correlation;

using Fractal.FunctionApp.Fractalis.Tasks;

namespace Fractal.FunctionApp.Analytics.Correlation;

/// <summary>
/// <c>compute-correlation</c>. Fractal.js (<c>src/vue/charts/CorrelationAnalysis.vue</c>) sends <c>x</c> and
/// <c>y</c> (one numerical dataset each), <c>method</c> (<c>pearson</c>, <c>spearman</c>, <c>kendall</c>),
/// <c>id_filter</c>, <c>subsets</c> and <c>categories</c>: all native under the same names. It reads <c>coef</c>,
/// <c>p_value</c>, <c>slope</c>, <c>intercept</c>, <c>x_label</c>, <c>y_label</c> and <c>method</c>, and
/// <c>JSON.parse</c>s <c>data</c>, the joined points as pandas <c>to_json(orient='records')</c>: <c>id</c>,
/// <c>feature_x</c>, <c>value_x</c>, <c>feature_y</c>, <c>value_y</c>, <c>subset</c> (0-based), <c>category</c>.
/// </summary>
internal sealed class CorrelationMapping : IFractalisTask
{
    public string TaskName => CorrelationAnalysis.TaskName;

    public JsonObject ToNative(FractalisArgs args)
    {
        ArgumentNullException.ThrowIfNull(args);
        var native = new JsonObject
        {
            ["x"] = args.DatasetReference("x"),
            ["y"] = args.DatasetReference("y"),
        };
        if (args.Text("method") is { } method)
        {
            native["method"] = method;
        }

        args.WithScope(native);
        return native;
    }

    public JsonObject ToFractalis(JsonElement result, JsonObject nativeArgs)
    {
        var xLabel = NativeJson.Text(result, "x_label");
        var yLabel = NativeJson.Text(result, "y_label");
        var data = new PandasFrame("id", "feature_x", "value_x", "feature_y", "value_y", "subset", "category");
        foreach (var point in result.GetProperty("data").EnumerateArray())
        {
            data.Add(
                NativeJson.Value(point, "id"),
                xLabel,
                NativeJson.Number(point, "value_x"),
                yLabel,
                NativeJson.Number(point, "value_y"),
                NativeJson.Value(point, "subset"),
                NativeJson.Value(point, "category"));
        }

        return new JsonObject
        {
            ["coef"] = NativeJson.Number(result, "coef"),
            ["p_value"] = NativeJson.Number(result, "p_value"),
            ["slope"] = NativeJson.Number(result, "slope"),
            ["intercept"] = NativeJson.Number(result, "intercept"),
            ["method"] = NativeJson.Text(result, "method"),
            ["data"] = data.ToRecords(),
            ["x_label"] = xLabel,
            ["y_label"] = yLabel,
        };
    }
}
