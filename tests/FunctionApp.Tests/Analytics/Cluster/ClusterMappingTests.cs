using System.Text.Json.Nodes;
using Fractal.Domain.Analyses.Cluster;
using Fractal.FunctionApp.Analytics;
using Fractal.FunctionApp.Fractalis.Tasks;

using Fractal.FunctionApp.Tests.Fractalis;

namespace Fractal.FunctionApp.Tests.Analytics.Cluster;

/// <summary><c>compute-cluster</c> as Heatmap.vue sends and reads it.</summary>
public sealed class ClusterMappingTests
{
    private const string ChartArgs = """
        {"df": {"S01": {"g1": 1.0, "g2": -0.5, "g3": 0.2}, "S02": {"g1": 0.9, "g2": -0.4, "g3": null},
                "S03": {"g1": -1.1, "g2": 0.6, "g3": 0.1}, "S04": {"g1": -0.8, "g2": 0.3, "g3": -0.3}},
         "cluster_algo": "hclust",
         "options": {"method": "average", "metric": "euclidean", "n_row_clusters": 2, "n_col_clusters": 2, "n_row_centroids": 5, "n_col_centroids": 5}}
        """;

    [Fact]
    public void ToNative_Df_BecomesDataWithFeaturesAsRows()
    {
        var native = FractalisResult.ToNative(ClusterAnalysis.TaskName, FractalisResult.Args(ChartArgs));

        var data = native["data"]!.AsObject();
        Assert.Equal(["g1", "g2", "g3"], data.Select(pair => pair.Key));
        Assert.Equal(["S01", "S02", "S03", "S04"], data["g1"]!.AsObject().Select(pair => pair.Key));
        Assert.Equal(0.6, data["g2"]!["S03"]!.GetValue<double>());
        Assert.Null(data["g3"]!["S02"]);
        Assert.Equal("hclust", native["cluster_algo"]!.GetValue<string>());
        Assert.True(JsonNode.DeepEquals(FractalisResult.Args(ChartArgs)["options"], native["options"]));
    }

    [Theory]
    [InlineData("""{"df": {"S01": 3}, "cluster_algo": "hclust"}""", "df.S01")]
    [InlineData("""{"df": {"S01": {"g1": "high"}}, "cluster_algo": "hclust"}""", "df.S01.g1")]
    [InlineData("""{"cluster_algo": "hclust"}""", "df")]
    public void ToNative_BadDf_ThrowsNamingIt(string json, string argument)
    {
        var error = Assert.Throws<FractalisArgumentException>(() => FractalisResult.ToNative(ClusterAnalysis.TaskName, FractalisResult.Args(json)));

        Assert.Equal(argument, error.Argument);
    }

    [Fact]
    public void ToFractalis_NativeRunOnTheTranslatedArgs_GivesRowAndColumnPairs()
    {
        var nativeArgs = FractalisResult.ToNative(ClusterAnalysis.TaskName, FractalisResult.Args(ChartArgs));
        var args = AnalysisArgs.Parse(nativeArgs.ToJsonString());
        var native = ClusterAnalysis.Run(ClusterArguments.FromDataset(InlineMatrix.TryRead(args, "data")!, "hclust", args.Options<ClusterOptions>("options")));

        var result = FractalisResult.Parse(ClusterAnalysis.TaskName, FractalisResult.Native(native), nativeArgs);

        Assert.Equal(native.RowClusters.Select(c => c.Name), result["row_clusters"]!.AsArray().Select(pair => pair![0]!.GetValue<string>()));
        Assert.Equal(native.RowClusters.Select(c => c.Cluster), result["row_clusters"]!.AsArray().Select(pair => pair![1]!.GetValue<int>()));
        Assert.Equal(native.ColumnClusters.Select(c => c.Name), result["col_clusters"]!.AsArray().Select(pair => pair![0]!.GetValue<string>()));
        Assert.Equal(["g1", "g2", "g3"], result["row_clusters"]!.AsArray().Select(pair => pair![0]!.GetValue<string>()).Order(StringComparer.Ordinal));
    }
}
