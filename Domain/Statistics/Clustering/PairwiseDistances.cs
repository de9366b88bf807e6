using System.Numerics;

namespace Fractal.Domain.Statistics.Clustering;

/// <summary>
/// The condensed distance matrix of SciPy's <c>pdist</c>: for observations <c>i &lt; j</c>, their distance sits at
/// <see cref="Index"/>(n, i, j), row after row of the upper triangle.
/// </summary>
public static class PairwiseDistances
{
    /// <summary>The distances between every pair of <paramref name="observations"/> (all of one length).</summary>
    public static double[] Condensed(IReadOnlyList<double[]> observations, DistanceMetric metric)
    {
        ArgumentNullException.ThrowIfNull(observations);
        var n = observations.Count;
        var distances = new double[(long)n * (n - 1) / 2];
        var rows = observations;
        if (metric == DistanceMetric.Correlation)
        {
            rows = Centred(observations);
        }

        var k = 0;
        for (var i = 0; i < n; i++)
        {
            var u = rows[i];
            for (var j = i + 1; j < n; j++)
            {
                var v = rows[j];
                if (u.Length != v.Length)
                {
                    throw new ArgumentException("Every observation must have the same number of values.", nameof(observations));
                }

                distances[k++] = Distance(u, v, metric);
            }
        }

        return distances;
    }

    /// <summary>Where the distance of observations <paramref name="i"/> and <paramref name="j"/> (i ≠ j) sits.</summary>
    public static int Index(int n, int i, int j)
    {
        if (i > j)
        {
            (i, j) = (j, i);
        }

        return (int)(((long)n * i) - ((long)i * (i + 1) / 2) + (j - i - 1));
    }

    private static double Distance(double[] u, double[] v, DistanceMetric metric)
    {
        switch (metric)
        {
            case DistanceMetric.Euclidean:
                return Math.Sqrt(SquaredEuclidean(u, v));
            case DistanceMetric.SquaredEuclidean:
                return SquaredEuclidean(u, v);
            case DistanceMetric.Cityblock:
                {
                    var sum = 0.0;
                    for (var i = 0; i < u.Length; i++)
                    {
                        sum += Math.Abs(u[i] - v[i]);
                    }

                    return sum;
                }

            case DistanceMetric.Chebyshev:
                {
                    var max = 0.0;
                    for (var i = 0; i < u.Length; i++)
                    {
                        max = Math.Max(max, Math.Abs(u[i] - v[i]));
                    }

                    return max;
                }

            case DistanceMetric.Cosine or DistanceMetric.Correlation:
                {
                    double uv = 0, uu = 0, vv = 0;
                    for (var i = 0; i < u.Length; i++)
                    {
                        uv += u[i] * v[i];
                        uu += u[i] * u[i];
                        vv += v[i] * v[i];
                    }

                    return Math.Max(0.0, 1.0 - (uv / Math.Sqrt(uu * vv)));
                }

            case DistanceMetric.Canberra:
                {
                    var sum = 0.0;
                    for (var i = 0; i < u.Length; i++)
                    {
                        var denominator = Math.Abs(u[i]) + Math.Abs(v[i]);
                        if (denominator != 0)
                        {
                            sum += Math.Abs(u[i] - v[i]) / denominator;
                        }
                    }

                    return sum;
                }

            case DistanceMetric.BrayCurtis:
                {
                    double difference = 0, total = 0;
                    for (var i = 0; i < u.Length; i++)
                    {
                        difference += Math.Abs(u[i] - v[i]);
                        total += Math.Abs(u[i] + v[i]);
                    }

                    return difference / total;
                }

            default:
                throw new ArgumentOutOfRangeException(nameof(metric), metric, "Unknown distance metric.");
        }
    }

    private static double SquaredEuclidean(double[] u, double[] v)
    {
        var i = 0;
        var sum = 0.0;
        var width = Vector<double>.Count;
        if (Vector.IsHardwareAccelerated && u.Length >= width)
        {
            var accumulator = Vector<double>.Zero;
            for (; i <= u.Length - width; i += width)
            {
                var d = new Vector<double>(u, i) - new Vector<double>(v, i);
                accumulator += d * d;
            }

            sum = Vector.Sum(accumulator);
        }

        for (; i < u.Length; i++)
        {
            var d = u[i] - v[i];
            sum += d * d;
        }

        return sum;
    }

    private static double[][] Centred(IReadOnlyList<double[]> observations)
    {
        var centred = new double[observations.Count][];
        for (var r = 0; r < observations.Count; r++)
        {
            var row = observations[r];
            var mean = 0.0;
            foreach (var value in row)
            {
                mean += value;
            }

            mean /= row.Length;
            centred[r] = new double[row.Length];
            for (var i = 0; i < row.Length; i++)
            {
                centred[r][i] = row[i] - mean;
            }
        }

        return centred;
    }
}
