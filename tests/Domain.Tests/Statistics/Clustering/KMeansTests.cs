using Fractal.Domain.Statistics.Clustering;

namespace Fractal.Domain.Tests.Statistics.Clustering;

public sealed class KMeansTests
{
    [Fact]
    public void Cluster_SameSeed_GivesSameClusters()
    {
        var data = Blobs(new Random(7), 3, 15);

        var first = KMeans.Cluster(data, 4, seed: 42);
        var second = KMeans.Cluster(data, 4, seed: 42);

        Assert.Equal(first, second);
    }

    [Fact]
    public void Cluster_WellSeparatedBlobs_PutsEachBlobInItsOwnCluster()
    {
        var data = Blobs(new Random(11), 3, 20);

        var clusters = KMeans.Cluster(data, 3, seed: 1);

        for (var blob = 0; blob < 3; blob++)
        {
            var members = clusters.Skip(blob * 20).Take(20).Distinct().ToArray();
            Assert.Single(members);
        }

        Assert.Equal(3, clusters.Distinct().Count());
    }

    [Fact]
    public void Cluster_IdenticalObservations_GivesOneClusterWithoutCrashing()
    {
        double[][] data = [[1, 1], [1, 1], [1, 1]];

        var clusters = KMeans.Cluster(data, 2, seed: 3);

        Assert.Single(clusters.Distinct());
    }

    [Fact]
    public void Cluster_MoreCentroidsThanObservations_Throws()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => KMeans.Cluster([[1.0], [2.0]], 3, seed: 0));
    }

    private static double[][] Blobs(Random random, int blobs, int perBlob)
    {
        var data = new List<double[]>();
        for (var b = 0; b < blobs; b++)
        {
            for (var i = 0; i < perBlob; i++)
            {
                data.Add([(b * 10) + random.NextDouble(), (b * -10) + random.NextDouble()]);
            }
        }

        return [.. data];
    }
}
