using System.Text.Json;
using System.Text.Json.Nodes;
using Fractal.Domain.Analyses.Cluster;

using Fractal.FunctionApp.Fractalis.Tasks;

namespace Fractal.FunctionApp.Analytics.Cluster;

/// <summary>
/// <c>compute-cluster</c>. Fractal.js (<c>src/vue/charts/Heatmap.vue</c>, after <c>compute-heatmap</c>) sends
/// <c>df</c>, the heatmap's z-scores as <c>{id: {feature: zscore}}</c> (pandas <c>DataFrame.from_dict</c> reads the
/// ids as columns and the features as rows), <c>cluster_algo</c> (<c>hclust</c> or <c>kmeans</c>) and
/// <c>options</c> (<c>method</c>, <c>metric</c>, <c>n_row_clusters</c>, <c>n_col_clusters</c>,
/// <c>n_row_centroids</c>, <c>n_col_centroids</c>). Native <c>data</c> takes the matrix inline as
/// <c>{row: {column: value}}</c>, so <c>df</c> is turned to <c>{feature: {id: zscore}}</c>; the rest passes as it
/// comes. Fractal.js reads <c>row_clusters</c> (features) and <c>col_clusters</c> (ids), each a list of
/// <c>[name, cluster]</c> pairs.
/// </summary>
internal sealed class ClusterMapping : IFractalisTask
{
    public string TaskName => ClusterAnalysis.TaskName;

    public JsonObject ToNative(FractalisArgs args)
    {
        ArgumentNullException.ThrowIfNull(args);
        var df = args.ObjectArgument("df") ?? throw new FractalisArgumentException("df", "df is required: the matrix as {id: {feature: value}}.");
        var native = new JsonObject { ["data"] = FeaturesByRow(df) };
        if (args.Text("cluster_algo") is { } algorithm)
        {
            native["cluster_algo"] = algorithm;
        }

        if (args.ObjectArgument("options") is { } options)
        {
            native["options"] = options;
        }

        return native;
    }

    public JsonObject ToFractalis(JsonElement result, JsonObject nativeArgs) => new()
    {
        ["row_clusters"] = NativeJson.List(result, "row_clusters"),
        ["col_clusters"] = NativeJson.List(result, "col_clusters"),
    };

    private static JsonObject FeaturesByRow(JsonObject df)
    {
        var rows = new JsonObject();
        foreach (var (id, column) in df)
        {
            if (column is not JsonObject values)
            {
                throw new FractalisArgumentException($"df.{id}", $"df.{id} must be an object of feature values.");
            }

            foreach (var (feature, value) in values)
            {
                if (value is not null && value.GetValueKind() != JsonValueKind.Number && value.GetValueKind() != JsonValueKind.Null)
                {
                    throw new FractalisArgumentException($"df.{id}.{feature}", $"df.{id}.{feature} must be a number or null.");
                }

                if (rows[feature] is not JsonObject row)
                {
                    row = [];
                    rows[feature] = row;
                }

                row[id] = value?.DeepClone();
            }
        }

        return rows.Count > 0 ? rows : throw new FractalisArgumentException("df", "df holds no values.");
    }
}
