using Fractal.Domain.Data;
using Fractal.Domain.Statistics.Density;
using Fractal.Domain.Statistics.Descriptive;
using MathNet.Numerics.Statistics;

namespace Fractal.Domain.Analyses.Histogram;

/// <summary>
/// <c>compute-histogram</c>: per (category, subset) group of at least two values, NumPy's histogram,
/// mean, median and population standard deviation, and a Gaussian kernel density whose bandwidth
/// factor is n^(-1/5) · <c>bw_factor</c>, as Fractalis computes them.
/// </summary>
public static class HistogramAnalysis
{
    public const string TaskName = "compute-histogram";

    /// <summary>The number of points at which the density is evaluated.</summary>
    public const int DensityPoints = 200;

    /// <summary>The catalog entry.</summary>
    public static AnalysisSchema Schema { get; } = new()
    {
        TaskName = TaskName,
        Description = "Histogram, mean, median, standard deviation and kernel density of a numerical variable per category and subset.",
        Parameters =
        [
            new() { Name = "data", Kind = ParameterKind.Dataset, Required = true, DataTypes = [DataType.Numerical.ToName()], Description = "The numerical variable." },
            new() { Name = "num_bins", Kind = ParameterKind.WholeNumber, Default = 10, Description = "The number of equal-width bins (at least 1)." },
            new() { Name = "bw_factor", Kind = ParameterKind.Number, Default = 1.0, Description = "Multiplies Scott's bandwidth factor n^(-1/5) (positive)." },
            CommonParameters.IdFilter,
            CommonParameters.Subsets,
            CommonParameters.Categories,
        ],
    };

    /// <summary>Runs the analysis: <see cref="Plan"/>, <see cref="Statistics"/> per group, <see cref="Combine"/>.</summary>
    /// <exception cref="AnalysisArgumentException">A bad <c>data</c>, <c>num_bins</c> or <c>bw_factor</c>, no value left, or no id in any subset.</exception>
    public static HistogramResult Run(HistogramArguments arguments)
    {
        var plan = Plan(arguments);
        return Combine(plan, [.. plan.Groups.Select(group => Statistics(group.Values, plan.BinCount, plan.BandwidthFactor))]);
    }

    /// <summary>Drops missing values, applies the scope, and lists the groups of at least two values.</summary>
    /// <exception cref="AnalysisArgumentException">A bad <c>data</c>, <c>num_bins</c> or <c>bw_factor</c>, no value left, or no id in any subset.</exception>
    public static HistogramPlan Plan(HistogramArguments arguments)
    {
        ArgumentNullException.ThrowIfNull(arguments);
        Validate(arguments.BinCount, arguments.BandwidthFactor);
        var variable = NumericVariable.FromTable(arguments.Data, "data");
        var kept = variable.Ids.Where(arguments.Scope.Keeps).ToList();
        if (kept.Count == 0)
        {
            throw new AnalysisArgumentException("data", "The variable has no values among the ids kept.");
        }

        var scoped = arguments.Scope.Apply(kept);
        return new HistogramPlan
        {
            Label = variable.Label,
            BinCount = arguments.BinCount,
            BandwidthFactor = arguments.BandwidthFactor,
            Groups = [.. AnalysisScope.Group(scoped)
                .Where(group => group.Ids.Count >= 2)
                .Select(group => new HistogramGroupInput(group.Category, group.Subset, [.. group.Ids.Select(id => Value(variable, id))]))],
            Data = [.. scoped.Select(entry => new HistogramPoint(entry.Id, Value(variable, entry.Id), entry.Subset, entry.Category))],
            DroppedIds = [.. variable.MissingIds.Where(arguments.Scope.Keeps)],
        };
    }

    /// <summary>Assembles the result from the plan and the statistics of each of its groups, in order.</summary>
    /// <exception cref="ArgumentException">The statistics do not pair up with the plan's groups.</exception>
    public static HistogramResult Combine(HistogramPlan plan, IReadOnlyList<HistogramStatistics> statistics)
    {
        ArgumentNullException.ThrowIfNull(plan);
        ArgumentNullException.ThrowIfNull(statistics);
        PlanChecks.RequireOnePerGroup(plan.Groups.Count, statistics.Count, nameof(statistics));

        var groups = plan.Groups.Select((group, index) => new HistogramGroup(group.Category, group.Subset, statistics[index])).ToList();
        return new HistogramResult
        {
            Statistics = groups,
            Categories = [.. groups.Select(group => group.Category).Distinct(StringComparer.Ordinal)],
            Subsets = [.. groups.Select(group => group.Subset).Distinct().Order()],
            Label = plan.Label,
            Data = plan.Data,
            DroppedIds = plan.DroppedIds,
        };
    }

    /// <summary>
    /// The statistics of one group (the per-group step an orchestration fans out):
    /// <c>numpy.histogram(values, bins)</c>, <c>mean</c>, <c>median</c>, <c>std</c> (population), and
    /// <c>gaussian_kde</c> with factor n^(-1/5) · <paramref name="bandwidthFactor"/> at 200 points from
    /// the minimum to the maximum (empty, with a reason, when the values are constant).
    /// </summary>
    /// <exception cref="AnalysisArgumentException">A bin count below 1 or a bandwidth factor that is not positive.</exception>
    public static HistogramStatistics Statistics(IReadOnlyList<double> values, int binCount, double bandwidthFactor)
    {
        ArgumentNullException.ThrowIfNull(values);
        Validate(binCount, bandwidthFactor);
        var (counts, edges) = EqualWidthHistogram.Compute(values, binCount);
        IReadOnlyList<double> density = [];
        var factor = GaussianKernelDensity.ScottFactor(values.Count) * bandwidthFactor;
        if (GaussianKernelDensity.TryCreate(values, factor, out var kde, out var reason))
        {
            density = kde!.EvaluateLinspace(values.Min(), values.Max(), DensityPoints);
        }

        return new HistogramStatistics
        {
            Counts = counts,
            BinEdges = edges,
            Mean = values.Mean(),
            Median = SortedArrayStatistics.QuantileCustom([.. values.Order()], 0.5, QuantileDefinition.R7),
            StandardDeviation = values.PopulationStandardDeviation(),
            Density = density,
            Count = values.Count,
            Reason = reason,
        };
    }

    private static double Value(NumericVariable variable, string id) =>
        variable.TryGetValue(id, out var value) ? value : double.NaN;

    private static void Validate(int binCount, double bandwidthFactor)
    {
        if (binCount < 1)
        {
            throw new AnalysisArgumentException("num_bins", $"num_bins must be at least 1; it is {binCount}.");
        }

        if (!(bandwidthFactor > 0) || double.IsInfinity(bandwidthFactor))
        {
            throw new AnalysisArgumentException("bw_factor", $"bw_factor must be a positive number; it is {bandwidthFactor}.");
        }
    }
}
