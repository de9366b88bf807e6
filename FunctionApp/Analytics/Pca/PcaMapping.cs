using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Fractal.Domain.Analyses.Pca;

using Fractal.FunctionApp.Fractalis.Tasks;

namespace Fractal.FunctionApp.Analytics.Pca;

/// <summary>
/// <c>compute-pca</c>. Fractal.js (<c>src/vue/charts/PCA.vue</c>) sends <c>features</c> (numerical or
/// numerical_array datasets), <c>categories</c>, <c>whiten</c>, <c>id_filter</c> and <c>subsets</c> (empty when
/// "ignore subsets" is ticked): all native under the same names. It reads <c>variance_ratios</c>, and two objects
/// of columns as pandas <c>to_dict(orient='list')</c> writes them: <c>data</c> with one column per component
/// (<c>"0"</c>, <c>"1"</c>, …: the scores) and <c>id</c>, <c>subset</c>, <c>category</c>; <c>loadings</c> with one
/// column per component and <c>feature</c>.
/// </summary>
internal sealed class PcaMapping : IFractalisTask
{
    public string TaskName => PcaAnalysis.TaskName;

    public JsonObject ToNative(FractalisArgs args)
    {
        ArgumentNullException.ThrowIfNull(args);
        var features = args.DatasetReferences("features");
        if (features.Count == 0)
        {
            throw new FractalisArgumentException("features", "features is required: numerical or numerical_array datasets.");
        }

        var native = new JsonObject { ["features"] = features };
        if (args.Boolean("whiten") is { } whiten)
        {
            native["whiten"] = whiten;
        }

        args.WithScope(native);
        return native;
    }

    public JsonObject ToFractalis(JsonElement result, JsonObject nativeArgs)
    {
        var components = result.GetProperty("variance_ratios").GetArrayLength();
        var names = Enumerable.Range(0, components).Select(c => c.ToString(CultureInfo.InvariantCulture)).ToArray();
        var data = new PandasFrame([.. names, "id", "subset", "category"]);
        foreach (var point in result.GetProperty("data").EnumerateArray())
        {
            var scores = point.GetProperty("scores").EnumerateArray().Select(NativeJson.Number);
            data.Add([.. scores, NativeJson.Value(point, "id"), NativeJson.Value(point, "subset"), NativeJson.Value(point, "category")]);
        }

        var loadings = new PandasFrame([.. names, "feature"]);
        foreach (var loading in result.GetProperty("loadings").EnumerateArray())
        {
            var values = loading.GetProperty("loadings").EnumerateArray().Select(NativeJson.Number);
            loadings.Add([.. values, NativeJson.Value(loading, "feature")]);
        }

        return new JsonObject
        {
            ["data"] = data.ToColumns(),
            ["loadings"] = loadings.ToColumns(),
            ["variance_ratios"] = NativeJson.Numbers(result, "variance_ratios"),
        };
    }
}
