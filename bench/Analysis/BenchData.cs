using MathNet.Numerics.Distributions;
using MathNet.Numerics.Random;

namespace Fractal.Bench.Analysis;

/// <summary>
/// The harness' inputs, drawn from a seeded Mersenne Twister, and their files for the reference
/// tools: raw little-endian float64, row-major (<c>{name}.f64</c>), beside <c>shapes.txt</c>.
/// </summary>
internal sealed class BenchData
{
    public required double[] PairX { get; init; }

    public required double[] PairY { get; init; }

    /// <summary>Observations (rows) × variables for PCA.</summary>
    public required double[][] PcaRows { get; init; }

    /// <summary>Features (rows) × samples; the first half of the samples is group 0.</summary>
    public required double[][] Expression { get; init; }

    public required int[] GroupOfSample { get; init; }

    /// <summary>Read counts, features (rows) × samples (negative binomial); the first half of the samples is group 0.</summary>
    public required double[][] Counts { get; init; }

    public required int[] GroupOfCountSample { get; init; }

    /// <summary>Observations (rows) × variables for hierarchical clustering.</summary>
    public required double[][] ClusterRows { get; init; }

    public required double[] Times { get; init; }

    public required bool[] Events { get; init; }

    public required int[] SurvivalGroups { get; init; }

    public static BenchData Generate(BenchSizes sizes, int seed)
    {
        var random = new MersenneTwister(seed, threadSafe: false);
        var normal = new Normal(0, 1, random);
        var x = new double[sizes.Pairs];
        var y = new double[sizes.Pairs];
        for (var i = 0; i < x.Length; i++)
        {
            x[i] = normal.Sample();
            y[i] = (0.3 * x[i]) + normal.Sample();
        }

        var factors = Rows(sizes.PcaRows, 5, normal);
        var weights = Rows(5, sizes.PcaColumns, normal);
        var pca = new double[sizes.PcaRows][];
        for (var r = 0; r < pca.Length; r++)
        {
            pca[r] = new double[sizes.PcaColumns];
            for (var c = 0; c < sizes.PcaColumns; c++)
            {
                var signal = 0.0;
                for (var k = 0; k < 5; k++)
                {
                    signal += factors[r][k] * weights[k][c];
                }

                pca[r][c] = signal + normal.Sample();
            }
        }

        var groups = Enumerable.Range(0, sizes.Samples).Select(s => s < sizes.Samples / 2 ? 0 : 1).ToArray();
        var expression = Rows(sizes.Features, sizes.Samples, normal);
        for (var f = 0; f < sizes.Features / 20; f++)
        {
            for (var s = 0; s < sizes.Samples; s++)
            {
                expression[f][s] += groups[s];
            }
        }

        var countGroups = Enumerable.Range(0, sizes.CountSamples).Select(s => s < sizes.CountSamples / 2 ? 0 : 1).ToArray();
        var counts = new double[sizes.CountFeatures][];
        for (var f = 0; f < counts.Length; f++)
        {
            var mean = Math.Exp(ContinuousUniform.Sample(random, Math.Log(2), Math.Log(5000)));
            var size = 1 / (0.05 + (2 / mean));
            var fold = f < counts.Length / 10 ? Math.Pow(2, Normal.Sample(random, 0, 1.5)) : 1.0;
            counts[f] = new double[sizes.CountSamples];
            for (var s = 0; s < sizes.CountSamples; s++)
            {
                var mu = mean * (countGroups[s] == 1 ? fold : 1.0);
                counts[f][s] = Poisson.Sample(random, Gamma.Sample(random, size, size / mu));
            }
        }

        var times = new double[sizes.Subjects];
        var events = new bool[sizes.Subjects];
        var survivalGroups = new int[sizes.Subjects];
        double[] hazards = [1.0 / 30, 1.0 / 45, 1.0 / 20];
        for (var i = 0; i < times.Length; i++)
        {
            survivalGroups[i] = random.Next(3);
            var time = Exponential.Sample(random, hazards[survivalGroups[i]]);
            var censor = ContinuousUniform.Sample(random, 12, 72);
            times[i] = Math.Round(Math.Min(time, censor), 1);
            events[i] = time <= censor;
        }

        return new BenchData
        {
            PairX = x,
            PairY = y,
            PcaRows = pca,
            Expression = expression,
            GroupOfSample = groups,
            Counts = counts,
            GroupOfCountSample = countGroups,
            ClusterRows = Rows(sizes.ClusterRows, sizes.ClusterColumns, normal),
            Times = times,
            Events = events,
            SurvivalGroups = survivalGroups,
        };
    }

    public void Write(string directory)
    {
        Directory.CreateDirectory(directory);
        WriteValues(Path.Combine(directory, "pair_x.f64"), PairX);
        WriteValues(Path.Combine(directory, "pair_y.f64"), PairY);
        WriteValues(Path.Combine(directory, "pca.f64"), PcaRows.SelectMany(r => r));
        WriteValues(Path.Combine(directory, "expression.f64"), Expression.SelectMany(r => r));
        WriteValues(Path.Combine(directory, "groups.f64"), GroupOfSample.Select(g => (double)g));
        WriteValues(Path.Combine(directory, "counts.f64"), Counts.SelectMany(r => r));
        WriteValues(Path.Combine(directory, "count_groups.f64"), GroupOfCountSample.Select(g => (double)g));
        WriteValues(Path.Combine(directory, "cluster.f64"), ClusterRows.SelectMany(r => r));
        WriteValues(Path.Combine(directory, "times.f64"), Times);
        WriteValues(Path.Combine(directory, "events.f64"), Events.Select(e => e ? 1.0 : 0.0));
        WriteValues(Path.Combine(directory, "survival_groups.f64"), SurvivalGroups.Select(g => (double)g));
        File.WriteAllLines(Path.Combine(directory, "shapes.txt"),
        [
            $"pairs {PairX.Length}",
            $"pca {PcaRows.Length} {PcaRows[0].Length}",
            $"expression {Expression.Length} {Expression[0].Length}",
            $"counts {Counts.Length} {Counts[0].Length}",
            $"cluster {ClusterRows.Length} {ClusterRows[0].Length}",
            $"subjects {Times.Length}",
        ]);
    }

    private static double[][] Rows(int rows, int columns, Normal normal)
    {
        var values = new double[rows][];
        for (var r = 0; r < rows; r++)
        {
            values[r] = new double[columns];
            normal.Samples(values[r]);
        }

        return values;
    }

    private static void WriteValues(string path, IEnumerable<double> values)
    {
        using var writer = new BinaryWriter(File.Create(path));
        foreach (var value in values)
        {
            writer.Write(value);
        }
    }
}
