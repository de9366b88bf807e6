using Fractal.Domain.Analyses;
using Fractal.Domain.Analyses.Cluster;
using Fractal.Domain.Data;
using Fractal.FunctionApp.Analytics;

namespace Fractal.FunctionApp.Tests.Analytics;

/// <summary><c>compute-cluster</c>'s <c>data</c> given inline as <c>{row: {column: value}}</c>.</summary>
public sealed class InlineMatrixTests
{
    [Fact]
    public void TryRead_RowsOfColumns_GivesFeaturesAsRowsAndIdsAsColumns()
    {
        var args = AnalysisArgs.Parse("""{"data": {"g1": {"a": 1, "b": 2}, "g2": {"a": 3, "b": null}}}""");

        var table = InlineMatrix.TryRead(args, "data");

        Assert.NotNull(table);
        Assert.Equal(DataType.NumericalArray, table.DataType);
        Assert.Equal(["g1", "g1", "g2", "g2"], table.Features);
        Assert.Equal(["a", "b", "a", "b"], table.Ids);
        Assert.Equal(3.0, table.Numbers[2]);
        Assert.True(double.IsNaN(table.Numbers[3]));
    }

    [Theory]
    [InlineData("""{"data": "dataset-id"}""")]
    [InlineData("""{"data": {"id": "dataset-id", "filters": {"feature": ["g1"]}}}""")]
    [InlineData("""{"cluster_algo": "hclust"}""")]
    public void TryRead_DatasetReferenceOrNothing_IsNull(string json)
    {
        var args = AnalysisArgs.Parse(json);

        Assert.Null(InlineMatrix.TryRead(args, "data"));
    }

    [Fact]
    public void TryRead_ValueNotANumber_ThrowsNamingTheCell()
    {
        var args = AnalysisArgs.Parse("""{"data": {"g1": {"a": "high"}}}""");

        var error = Assert.Throws<AnalysisArgumentException>(() => InlineMatrix.TryRead(args, "data"));

        Assert.Equal("data.g1.a", error.Argument);
    }

    [Fact]
    public void ClusterRun_InlineMatrix_EqualsTheSameMatrixAsADataset()
    {
        double[][] rows = [[1, 2, 9, 8], [1.5, 2.5, 8.5, 9], [7, 8, 1, 2], [7.5, 9, 1.5, 1]];
        string[] ids = ["a", "b", "c", "d"];
        var json = "{\"data\": {" + string.Join(", ", rows.Select((row, r) =>
            $"\"g{r}\": {{" + string.Join(", ", row.Select((value, c) => $"\"{ids[c]}\": {value.ToString(System.Globalization.CultureInfo.InvariantCulture)}")) + "}")) + "}}";
        var dataset = DatasetTable.FromNumbers(
            DataType.NumericalArray,
            [.. rows.SelectMany(_ => ids)],
            [.. rows.SelectMany((row, r) => row.Select(_ => $"g{r}"))],
            [.. rows.SelectMany(row => row)]);
        var options = new ClusterOptions { Method = "average", Metric = "euclidean", RowClusters = 2, ColumnClusters = 2 };

        var inline = ClusterAnalysis.Run(ClusterArguments.FromDataset(InlineMatrix.TryRead(AnalysisArgs.Parse(json), "data")!, "hclust", options));
        var stored = ClusterAnalysis.Run(ClusterArguments.FromDataset(dataset, "hclust", options));

        Assert.Equal(stored.RowClusters, inline.RowClusters);
        Assert.Equal(stored.ColumnClusters, inline.ColumnClusters);
        Assert.Equal(2, inline.RowClusters.Select(c => c.Cluster).Distinct().Count());
    }
}
