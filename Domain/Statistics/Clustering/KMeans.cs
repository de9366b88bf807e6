namespace Fractal.Domain.Statistics.Clustering;

/// <summary>
/// k-means clustering, reproducible for a seed: k-means++ seeding (the first centre drawn uniformly, each next one
/// with probability proportional to the squared distance to the nearest centre chosen so far) from
/// <see cref="Random"/> seeded with the given seed, then Lloyd's iterations (assign each observation to its nearest
/// centre, lowest index on ties; move each centre to the mean of its observations, an emptied centre stays put)
/// until no assignment changes or <see cref="MaxIterations"/> is reached. Not SciPy's <c>kmeans2</c>, whose draws
/// come from NumPy's generator: the same seed gives the same clusters here, run after run.
/// </summary>
public static class KMeans
{
    public const int MaxIterations = 300;

    /// <summary>The cluster (0..k-1) of each observation.</summary>
    public static int[] Cluster(IReadOnlyList<double[]> observations, int clusterCount, int seed)
    {
        ArgumentNullException.ThrowIfNull(observations);
        var n = observations.Count;
        if (clusterCount < 1 || clusterCount > n)
        {
            throw new ArgumentOutOfRangeException(nameof(clusterCount), clusterCount, $"The number of centroids must lie in 1..{n}.");
        }

        var dimension = observations[0].Length;
        foreach (var observation in observations)
        {
            if (observation.Length != dimension)
            {
                throw new ArgumentException("Every observation must have the same number of values.", nameof(observations));
            }
        }

        var centres = Seed(observations, clusterCount, new Random(seed));
        var assignment = new int[n];
        Array.Fill(assignment, -1);
        var sums = new double[clusterCount, dimension];
        var counts = new int[clusterCount];
        for (var iteration = 0; iteration < MaxIterations; iteration++)
        {
            var changed = false;
            for (var i = 0; i < n; i++)
            {
                var nearest = Nearest(observations[i], centres, clusterCount, out _);
                if (nearest != assignment[i])
                {
                    assignment[i] = nearest;
                    changed = true;
                }
            }

            if (!changed)
            {
                break;
            }

            Array.Clear(sums);
            Array.Clear(counts);
            for (var i = 0; i < n; i++)
            {
                var c = assignment[i];
                counts[c]++;
                for (var d = 0; d < dimension; d++)
                {
                    sums[c, d] += observations[i][d];
                }
            }

            for (var c = 0; c < clusterCount; c++)
            {
                if (counts[c] == 0)
                {
                    continue;
                }

                for (var d = 0; d < dimension; d++)
                {
                    centres[c][d] = sums[c, d] / counts[c];
                }
            }
        }

        return assignment;
    }

    private static double[][] Seed(IReadOnlyList<double[]> observations, int clusterCount, Random random)
    {
        var n = observations.Count;
        var centres = new double[clusterCount][];
        centres[0] = (double[])observations[random.Next(n)].Clone();
        var nearest = new double[n];
        for (var i = 0; i < n; i++)
        {
            nearest[i] = SquaredDistance(observations[i], centres[0]);
        }

        for (var c = 1; c < clusterCount; c++)
        {
            var total = 0.0;
            foreach (var distance in nearest)
            {
                total += distance;
            }

            var chosen = -1;
            if (total > 0)
            {
                var target = random.NextDouble() * total;
                var cumulative = 0.0;
                for (var i = 0; i < n; i++)
                {
                    cumulative += nearest[i];
                    if (nearest[i] > 0 && cumulative >= target)
                    {
                        chosen = i;
                        break;
                    }
                }
            }

            if (chosen < 0)
            {
                // Every observation coincides with a centre already chosen: any observation will do.
                chosen = 0;
            }

            centres[c] = (double[])observations[chosen].Clone();
            for (var i = 0; i < n; i++)
            {
                nearest[i] = Math.Min(nearest[i], SquaredDistance(observations[i], centres[c]));
            }
        }

        return centres;
    }

    private static int Nearest(double[] observation, double[][] centres, int clusterCount, out double distance)
    {
        var best = 0;
        distance = double.PositiveInfinity;
        for (var c = 0; c < clusterCount; c++)
        {
            var candidate = SquaredDistance(observation, centres[c]);
            if (candidate < distance)
            {
                distance = candidate;
                best = c;
            }
        }

        return best;
    }

    private static double SquaredDistance(double[] u, double[] v)
    {
        var sum = 0.0;
        for (var i = 0; i < u.Length; i++)
        {
            var d = u[i] - v[i];
            sum += d * d;
        }

        return sum;
    }
}
