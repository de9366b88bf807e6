using System.Globalization;
using MathNet.Numerics.Distributions;
using MathNet.Numerics.Random;

namespace Fractal.Etl.Handlers.Demo;

/// <summary>
/// The demo cohort, drawn from a seeded Mersenne Twister so one seed always gives the same values.
/// Structure to find: BMI rises with age; genes g_0001-g_0010 are up in cohort B and g_0011-g_0020
/// down in cohort C; g_0021-g_0040 share a latent factor (a co-expressed module); g_0041-g_0045 are
/// higher in males; survival is longer in B and shorter in C (and with youth), censored at 12-72 months.
/// Read counts r_0001-r_0200 (negative binomial, for DESeq2) follow the same design: r_0001-r_0010 twice as
/// high in cohort B, r_0011-r_0020 half as high in cohort C; they are drawn after everything else, so adding
/// them left the other fields' values as they were.
/// </summary>
internal sealed class DemoCohort
{
    public const int SubjectCount = 500;
    public const int GeneCount = 200;

    private static readonly string[] s_cohorts = ["A", "B", "C"];
    private static readonly double[] s_cohortHazardRatios = [1.0, 0.55, 1.8];

    private readonly Dictionary<string, double[]> _numbers = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string?[]> _labels = new(StringComparer.Ordinal);

    private DemoCohort(string[] subjectIds)
    {
        SubjectIds = subjectIds;
    }

    /// <summary>Every field, clinical first, then genes' expression, then genes' read counts.</summary>
    public static IReadOnlyList<string> Columns { get; } =
        ["age", "bmi", "sex", "cohort", "os_months", "os_event", "os_status", .. Enumerable.Range(1, GeneCount).Select(GeneName), .. Enumerable.Range(1, GeneCount).Select(CountName)];

    public IReadOnlyList<string> SubjectIds { get; }

    public static string GeneName(int number) => string.Create(CultureInfo.InvariantCulture, $"g_{number:0000}");

    public static string CountName(int number) => string.Create(CultureInfo.InvariantCulture, $"r_{number:0000}");

    public SourceValue Value(string field, int subject) =>
        _numbers.TryGetValue(field, out var numbers) ? SourceValue.FromNumber(numbers[subject])
        : _labels.TryGetValue(field, out var labels) ? SourceValue.FromText(labels[subject])
        : throw new EtlDataException($"unknown column '{field}'", field);

    public static DemoCohort Generate(int seed)
    {
        var random = new MersenneTwister(seed, threadSafe: false);
        var ids = Enumerable.Range(1, SubjectCount).Select(i => string.Create(CultureInfo.InvariantCulture, $"S{i:0000}")).ToArray();
        var cohort = new DemoCohort(ids);

        var age = new double[SubjectCount];
        var bmi = new double[SubjectCount];
        var sex = new string?[SubjectCount];
        var group = new int[SubjectCount];
        var factor = new double[SubjectCount];
        for (var i = 0; i < SubjectCount; i++)
        {
            age[i] = Math.Round(Math.Clamp(Normal.Sample(random, 58, 11), 18, 90), 1);
            bmi[i] = random.NextDouble() < 0.03 ? double.NaN : Math.Round(Normal.Sample(random, 26 + (0.06 * (age[i] - 58)), 3.8), 1);
            sex[i] = random.NextDouble() < 0.52 ? "female" : "male";
            group[i] = random.Next(s_cohorts.Length);
            factor[i] = Normal.Sample(random, 0, 1);
        }

        var months = new double[SubjectCount];
        var events = new double[SubjectCount];
        for (var i = 0; i < SubjectCount; i++)
        {
            var rate = Math.Log(2) / 30 * s_cohortHazardRatios[group[i]] * Math.Exp(0.025 * (age[i] - 58));
            var time = Exponential.Sample(random, rate);
            var censor = ContinuousUniform.Sample(random, 12, 72);
            months[i] = Math.Round(Math.Min(time, censor), 1);
            events[i] = time <= censor ? 1 : 0;
        }

        cohort._numbers["age"] = age;
        cohort._numbers["bmi"] = bmi;
        cohort._labels["sex"] = sex;
        cohort._labels["cohort"] = [.. group.Select(g => s_cohorts[g])];
        cohort._numbers["os_months"] = months;
        cohort._numbers["os_event"] = events;

        // The event as Fractal.js' survival chart takes it, a categorical "Observed": present where it happened.
        cohort._labels["os_status"] = [.. events.Select(e => e == 1 ? "deceased" : null)];

        for (var gene = 1; gene <= GeneCount; gene++)
        {
            var mean = Normal.Sample(random, 7, 1.5);
            var spread = ContinuousUniform.Sample(random, 0.4, 1.0);
            var values = new double[SubjectCount];
            for (var i = 0; i < SubjectCount; i++)
            {
                var shift = gene switch
                {
                    <= 10 when group[i] == 1 => 1.5,
                    > 10 and <= 20 when group[i] == 2 => -1.2,
                    > 20 and <= 40 => 0.9 * factor[i],
                    > 40 and <= 45 when sex[i] == "male" => 2.0,
                    _ => 0,
                };
                values[i] = Math.Round(Normal.Sample(random, mean + shift, spread), 3);
            }

            cohort._numbers[GeneName(gene)] = values;
        }

        var depth = new double[SubjectCount];
        for (var i = 0; i < SubjectCount; i++)
        {
            depth[i] = Math.Exp(Normal.Sample(random, 0, 0.25));
        }

        for (var gene = 1; gene <= GeneCount; gene++)
        {
            var mean = Math.Exp(Normal.Sample(random, 5, 1.5));
            var size = 1 / (0.08 + (1 / mean));
            var counts = new double[SubjectCount];
            for (var i = 0; i < SubjectCount; i++)
            {
                var fold = gene switch
                {
                    <= 10 when group[i] == 1 => 2.0,
                    > 10 and <= 20 when group[i] == 2 => 0.5,
                    _ => 1.0,
                };
                // Negative binomial as a gamma-Poisson mixture: MathNet's NegativeBinomial.Sample draws its Poisson by
                // multiplying uniforms against exp(-λ), which never ends once λ passes about 745.
                var mu = mean * fold * depth[i];
                counts[i] = Poisson.Sample(random, Gamma.Sample(random, size, size / mu));
            }

            cohort._numbers[CountName(gene)] = counts;
        }

        return cohort;
    }
}
