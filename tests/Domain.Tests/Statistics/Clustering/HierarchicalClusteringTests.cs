using System.Text.Json;
using Fractal.Domain.Statistics.Clustering;

namespace Fractal.Domain.Tests.Statistics.Clustering;

public sealed class HierarchicalClusteringTests
{
    public static TheoryData<string> Cases => ["random_12x5", "ties_14x3", "blobs_30x4"];

    [Theory]
    [MemberData(nameof(Cases))]
    public void Condensed_EveryMetric_MatchesPdist(string name)
    {
        var fixture = ReferenceFixture.Load("cluster", name);
        var data = ReferenceFixture.Rows(fixture.GetProperty("data"));

        foreach (var metric in fixture.GetProperty("pdist").EnumerateObject())
        {
            Assert.True(ClusteringNames.TryParseMetric(metric.Name, out var parsed));

            var distances = PairwiseDistances.Condensed(data, parsed);

            Tolerance.AssertAllClose(ReferenceFixture.Numbers(metric.Value), distances, Tolerance.Values, $"{name} {metric.Name}");
        }
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Linkage_EveryMethodAndMetric_MatchesScipyLinkage(string name)
    {
        var fixture = ReferenceFixture.Load("cluster", name);
        var data = ReferenceFixture.Rows(fixture.GetProperty("data"));

        foreach (var (method, metric, expected) in Linkages(fixture))
        {
            if (expected.TryGetProperty("error", out _))
            {
                Assert.Throws<ArgumentException>(() => HierarchicalClustering.Linkage(data, method, metric));
                continue;
            }

            var linkage = HierarchicalClustering.Linkage(data, method, metric);

            var z = ReferenceFixture.Rows(expected.GetProperty("z"));
            Assert.Equal(z.Length, linkage.Length);
            for (var i = 0; i < z.Length; i++)
            {
                var what = $"{name} {method}/{metric} row {i}";
                Assert.True((int)z[i][0] == linkage[i].Left && (int)z[i][1] == linkage[i].Right, $"{what}: expected ({z[i][0]}, {z[i][1]}), got ({linkage[i].Left}, {linkage[i].Right})");
                Tolerance.AssertClose(z[i][2], linkage[i].Distance, Tolerance.Values, what);
                Assert.Equal((int)z[i][3], linkage[i].Size);
            }
        }
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Cut_EveryClusterCount_MatchesScipyCutTree(string name)
    {
        var fixture = ReferenceFixture.Load("cluster", name);
        var data = ReferenceFixture.Rows(fixture.GetProperty("data"));

        foreach (var (method, metric, expected) in Linkages(fixture))
        {
            if (expected.TryGetProperty("error", out _))
            {
                continue;
            }

            var linkage = HierarchicalClustering.Linkage(data, method, metric);
            var k = 0;
            foreach (var cut in expected.GetProperty("cuts").EnumerateArray())
            {
                k++;
                Assert.True(ReferenceFixture.Integers(cut).SequenceEqual(ClusterTree.Cut(linkage, k)), $"{name} {method}/{metric} k={k}");
            }
        }
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void LeafOrder_EveryMethodAndMetric_MatchesLeavesList(string name)
    {
        var fixture = ReferenceFixture.Load("cluster", name);
        var data = ReferenceFixture.Rows(fixture.GetProperty("data"));

        foreach (var (method, metric, expected) in Linkages(fixture))
        {
            if (expected.TryGetProperty("error", out _))
            {
                continue;
            }

            var leaves = ClusterTree.LeafOrder(HierarchicalClustering.Linkage(data, method, metric));

            Assert.Equal(ReferenceFixture.Integers(expected.GetProperty("leaves")), leaves);
        }
    }

    [Fact]
    public void Linkage_WardWithCityblock_ThrowsNamingTheMetric()
    {
        double[][] data = [[0, 1], [1, 1], [5, 5]];

        var error = Assert.Throws<ArgumentException>(() => HierarchicalClustering.Linkage(data, LinkageMethod.Ward, DistanceMetric.Cityblock));

        Assert.Contains("euclidean", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Linkage_OneObservation_Throws()
    {
        Assert.Throws<ArgumentException>(() => HierarchicalClustering.Linkage([[1.0, 2.0]], LinkageMethod.Average, DistanceMetric.Euclidean));
    }

    [Fact]
    public void Cut_MoreClustersThanObservations_Throws()
    {
        var linkage = HierarchicalClustering.Linkage([[0.0], [1.0], [3.0]], LinkageMethod.Average, DistanceMetric.Euclidean);

        Assert.Throws<ArgumentOutOfRangeException>(() => ClusterTree.Cut(linkage, 4));
    }

    private static IEnumerable<(LinkageMethod Method, DistanceMetric Metric, JsonElement Expected)> Linkages(JsonElement fixture)
    {
        foreach (var entry in fixture.GetProperty("linkages").EnumerateArray())
        {
            Assert.True(ClusteringNames.TryParseMethod(entry.GetProperty("method").GetString(), out var method));
            Assert.True(ClusteringNames.TryParseMetric(entry.GetProperty("metric").GetString(), out var metric));
            yield return (method, metric, entry);
        }
    }
}
