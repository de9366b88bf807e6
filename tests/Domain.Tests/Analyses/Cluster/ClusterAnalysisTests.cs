using System.Text.Json;
using Fractal.Domain.Analyses;
using Fractal.Domain.Analyses.Cluster;
using Fractal.Domain.Tests.Statistics;

namespace Fractal.Domain.Tests.Analyses.Cluster;

public sealed class ClusterAnalysisTests
{
    public static TheoryData<string> Cases => ["average_euclidean_missing", "ward_euclidean", "complete_correlation", "single_cityblock_ties"];

    [Theory]
    [MemberData(nameof(Cases))]
    public void Run_Hclust_MatchesFractalisOnScipy(string name)
    {
        var fixture = Case(name);
        var options = fixture.GetProperty("options");
        var arguments = new ClusterArguments(
            ReferenceFixture.Strings(fixture.GetProperty("row_names")),
            ReferenceFixture.Strings(fixture.GetProperty("col_names")),
            ReferenceFixture.Rows(fixture.GetProperty("data")),
            "hclust",
            new ClusterOptions
            {
                Method = options.GetProperty("method").GetString(),
                Metric = options.GetProperty("metric").GetString(),
                RowClusters = options.GetProperty("n_row_clusters").GetInt32(),
                ColumnClusters = options.GetProperty("n_col_clusters").GetInt32(),
            });

        var result = ClusterAnalysis.Run(arguments);

        Assert.Equal(Pairs(fixture.GetProperty("row_clusters")), result.RowClusters);
        Assert.Equal(Pairs(fixture.GetProperty("col_clusters")), result.ColumnClusters);
    }

    [Fact]
    public void Run_KMeansSameSeed_GivesSameResult()
    {
        var arguments = KMeansArguments(seed: 5);

        var first = ClusterAnalysis.Run(arguments);
        var second = ClusterAnalysis.Run(arguments);

        Assert.Equal(first.RowClusters, second.RowClusters);
        Assert.Equal(first.ColumnClusters, second.ColumnClusters);
        Assert.Null(first.RowLinkage);
    }

    [Fact]
    public void Run_KMeansTwoBlocks_SeparatesTheBlocksBiggestFirst()
    {
        var result = ClusterAnalysis.Run(KMeansArguments(seed: 9));

        Assert.Equal(["r0", "r1", "r2"], result.RowClusters.Where(c => c.Cluster == 0).Select(c => c.Name).Order(StringComparer.Ordinal));
        Assert.Equal(["r3", "r4"], result.RowClusters.Where(c => c.Cluster == 1).Select(c => c.Name).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void SortBySize_EqualSizes_HigherLabelFirstThenRelabelled()
    {
        var sorted = ClusterAnalysis.SortBySize(["a", "b", "c", "d", "e"], [0, 1, 1, 0, 2]);

        Assert.Equal([new("b", 0), new("c", 0), new("a", 1), new("d", 1), new("e", 2)], sorted);
    }

    [Fact]
    public void Run_UnknownMetric_ThrowsNamingTheOption()
    {
        var arguments = KMeansArguments(seed: 0) with { Algorithm = "hclust", Options = new ClusterOptions { Method = "average", Metric = "hamming", RowClusters = 2, ColumnClusters = 2 } };

        var error = Assert.Throws<AnalysisArgumentException>(() => ClusterAnalysis.Run(arguments));

        Assert.Equal("options.metric", error.Argument);
        Assert.Contains("cityblock", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Run_UnknownAlgorithm_ThrowsNamingClusterAlgo()
    {
        var arguments = KMeansArguments(seed: 0) with { Algorithm = "dbscan" };

        var error = Assert.Throws<AnalysisArgumentException>(() => ClusterAnalysis.Run(arguments));

        Assert.Equal("cluster_algo", error.Argument);
    }

    [Fact]
    public void Run_TooManyClusters_ThrowsNamingTheOption()
    {
        var arguments = KMeansArguments(seed: 0) with { Algorithm = "hclust", Options = new ClusterOptions { Method = "average", Metric = "euclidean", RowClusters = 9, ColumnClusters = 2 } };

        var error = Assert.Throws<AnalysisArgumentException>(() => ClusterAnalysis.Run(arguments));

        Assert.Equal("options.n_row_clusters", error.Argument);
    }

    [Fact]
    public void Run_RowAllMissing_ThrowsNamingTheRow()
    {
        var arguments = new ClusterArguments(["r0", "r1"], ["a", "b"], [[1, 2], [double.NaN, double.NaN]], "kmeans", new ClusterOptions { RowCentroids = 1, ColumnCentroids = 1 });

        var error = Assert.Throws<AnalysisArgumentException>(() => ClusterAnalysis.Run(arguments));

        Assert.Equal("data", error.Argument);
        Assert.Contains("r1", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Run_ConstantRowWithCorrelation_ThrowsInsteadOfCrashing()
    {
        var arguments = new ClusterArguments(["r0", "r1", "r2"], ["a", "b", "c"], [[1, 1, 1], [1, 2, 3], [3, 1, 2]], "hclust", new ClusterOptions { Method = "average", Metric = "correlation", RowClusters = 2, ColumnClusters = 2 });

        var error = Assert.Throws<AnalysisArgumentException>(() => ClusterAnalysis.Run(arguments));

        Assert.Equal("data", error.Argument);
    }

    [Fact]
    public void NamedCluster_Serialized_IsAPair()
    {
        var json = JsonSerializer.Serialize(new NamedCluster("g1", 2));

        Assert.Equal("[\"g1\",2]", json);
        Assert.Equal(new NamedCluster("g1", 2), JsonSerializer.Deserialize<NamedCluster>(json));
    }

    private static ClusterArguments KMeansArguments(int seed) => new(
        ["r0", "r1", "r2", "r3", "r4"],
        ["a", "b", "c"],
        [[1, 1.2, 0.9], [1.1, 1, 1], [0.9, 1, 1.1], [9, 9.1, 8.9], [9.2, 9, double.NaN]],
        "kmeans",
        new ClusterOptions { RowCentroids = 2, ColumnCentroids = 2, Seed = seed });

    private static JsonElement Case(string name)
    {
        foreach (var entry in ReferenceFixture.Load("cluster", "compute_cluster").GetProperty("cases").EnumerateArray())
        {
            if (entry.GetProperty("name").GetString() == name)
            {
                return entry;
            }
        }

        throw new KeyNotFoundException(name);
    }

    private static NamedCluster[] Pairs(JsonElement pairs) =>
        [.. pairs.EnumerateArray().Select(pair => new NamedCluster(pair[0].GetString()!, pair[1].GetInt32()))];

    [Fact]
    public void FromDataset_NumericalArray_UsesFeaturesAsRowsAndIdsAsColumns()
    {
        var table = Heatmap.ArrayTables.FromRows([[1, 2, 3], [4, 5, 6]]);

        var arguments = ClusterArguments.FromDataset(table, "kmeans", new ClusterOptions());

        Assert.Equal(["f0", "f1"], arguments.RowNames);
        Assert.Equal(["p0", "p1", "p2"], arguments.ColumnNames);
        Assert.Equal([4.0, 5.0, 6.0], arguments.Values[1]);
    }
}
