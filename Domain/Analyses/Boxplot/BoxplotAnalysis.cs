using Fractal.Domain.Data;
using Fractal.Domain.Statistics.Anova;
using Fractal.Domain.Statistics.Density;
using MathNet.Numerics.Statistics;

namespace Fractal.Domain.Analyses.Boxplot;

/// <summary>
/// <c>compute-boxplot</c>: per (feature, category, subset) group of at least two values, NumPy's linear
/// quartiles, Tukey's whiskers, the outliers and a Gaussian kernel density between the whiskers; and a
/// one-way ANOVA across all groups, as Fractalis computes them.
/// </summary>
public static class BoxplotAnalysis
{
    public const string TaskName = "compute-boxplot";

    /// <summary>The number of points at which the density is evaluated.</summary>
    public const int KdePoints = 100;

    /// <summary>The catalog entry.</summary>
    public static AnalysisSchema Schema { get; } = new()
    {
        TaskName = TaskName,
        Description = "Quartiles, Tukey whiskers, outliers and a kernel density per variable, category and subset, with a one-way ANOVA across the groups.",
        Parameters =
        [
            new() { Name = "variables", Kind = ParameterKind.DatasetList, Required = true, DataTypes = [DataType.Numerical.ToName()], Description = "The numerical variables." },
            new() { Name = "transformation", Kind = ParameterKind.Text, AllowedValues = BoxplotTransformationNames.All, Default = "identity", Description = "Applied to every value first; logarithms drop non-positive values." },
            CommonParameters.IdFilter,
            CommonParameters.Subsets,
            CommonParameters.Categories,
        ],
    };

    /// <summary>Runs the analysis: <see cref="Plan"/>, <see cref="Statistics"/> per group, <see cref="Combine"/>.</summary>
    /// <exception cref="AnalysisArgumentException">No variable, a variable that is not one numerical feature, or no id in any subset.</exception>
    public static BoxplotResult Run(BoxplotArguments arguments)
    {
        var plan = Plan(arguments);
        return Combine(plan, [.. plan.Groups.Select(group => Statistics(group.Values))]);
    }

    /// <summary>
    /// Transforms the values, drops and counts what cannot be used, applies the scope, and lists the groups of at
    /// least two values and, apart, those of one.
    /// </summary>
    /// <exception cref="AnalysisArgumentException">No variable, a variable that is not one numerical feature, or no id in any subset.</exception>
    public static BoxplotPlan Plan(BoxplotArguments arguments)
    {
        ArgumentNullException.ThrowIfNull(arguments);
        if (arguments.Variables.Count == 0)
        {
            throw new AnalysisArgumentException("variables", "Name at least one numerical variable.");
        }

        var groups = new List<BoxplotGroupInput>();
        var singles = new List<BoxplotGroupInput>();
        int droppedMissing = 0, droppedByTransformation = 0;
        for (var index = 0; index < arguments.Variables.Count; index++)
        {
            var variable = NumericVariable.FromTable(arguments.Variables[index], $"variables[{index}]");
            droppedMissing += variable.MissingIds.Count(arguments.Scope.Keeps);
            var values = new Dictionary<string, double>(StringComparer.Ordinal);
            foreach (var id in variable.Ids.Where(arguments.Scope.Keeps))
            {
                variable.TryGetValue(id, out var raw);
                var value = arguments.Transformation.Apply(raw);
                if (double.IsFinite(value))
                {
                    values.Add(id, value);
                }
                else
                {
                    droppedByTransformation++;
                }
            }

            if (values.Count == 0)
            {
                continue;
            }

            foreach (var group in AnalysisScope.Group(arguments.Scope.Apply(values.Keys)))
            {
                var input = new BoxplotGroupInput(variable.Label, group.Category, group.Subset, group.Ids, [.. group.Ids.Select(id => values[id])]);
                (group.Ids.Count >= 2 ? groups : singles).Add(input);
            }
        }

        return new BoxplotPlan
        {
            Transformation = arguments.Transformation,
            Groups = groups,
            Singles = singles,
            DroppedMissing = droppedMissing,
            DroppedByTransformation = droppedByTransformation,
        };
    }

    /// <summary>Assembles the result from the plan and the statistics of each of its groups, in order, and runs the ANOVA across the groups.</summary>
    /// <exception cref="ArgumentException">The statistics do not pair up with the plan's groups.</exception>
    public static BoxplotResult Combine(BoxplotPlan plan, IReadOnlyList<BoxplotStatistics> statistics)
    {
        ArgumentNullException.ThrowIfNull(plan);
        ArgumentNullException.ThrowIfNull(statistics);
        PlanChecks.RequireOnePerGroup(plan.Groups.Count, statistics.Count, nameof(statistics));

        var groups = plan.Groups.Select((group, index) => new BoxplotGroup(group.Feature, group.Category, group.Subset, statistics[index])).ToList();
        var points = plan.Groups.SelectMany((group, index) => group.Ids.Select((id, row) => new BoxplotPoint(
            id, group.Feature, group.Values[row], group.Subset, group.Category,
            group.Values[row] < statistics[index].LowerWhisker || group.Values[row] > statistics[index].UpperWhisker)));
        var singles = plan.Singles.SelectMany(group => group.Ids.Select((id, row) => new BoxplotPoint(
            id, group.Feature, group.Values[row], group.Subset, group.Category, null)));
        return new BoxplotResult
        {
            Statistics = groups,
            Features = [.. groups.Select(group => group.Feature).Distinct(StringComparer.Ordinal)],
            Categories = [.. groups.Select(group => group.Category).Distinct(StringComparer.Ordinal)],
            Subsets = [.. groups.Select(group => group.Subset).Distinct().Order()],
            Anova = OneWayAnova.Compute([.. plan.Groups.Select(group => group.Values)]),
            Transformation = plan.Transformation.ToName(),
            Data = [.. points, .. singles],
            DroppedMissing = plan.DroppedMissing,
            DroppedByTransformation = plan.DroppedByTransformation,
        };
    }

    /// <summary>
    /// The box of one group (the per-group step an orchestration fans out): quartiles as
    /// <c>numpy.percentile</c> (linear), whiskers as Tukey, outliers, and <c>scipy.stats.gaussian_kde</c>
    /// with Scott's bandwidth at 100 points from l_wsk to u_wsk (empty, with a reason, when undefined).
    /// </summary>
    /// <exception cref="ArgumentException">No values, or a value that is not finite.</exception>
    public static BoxplotStatistics Statistics(IReadOnlyList<double> values)
    {
        ArgumentNullException.ThrowIfNull(values);
        if (values.Count == 0 || values.Any(value => !double.IsFinite(value)))
        {
            throw new ArgumentException("A box needs at least one value, all finite.", nameof(values));
        }

        var sorted = values.Order().ToArray();
        var lower = SortedArrayStatistics.QuantileCustom(sorted, 0.25, QuantileDefinition.R7);
        var median = SortedArrayStatistics.QuantileCustom(sorted, 0.5, QuantileDefinition.R7);
        var upper = SortedArrayStatistics.QuantileCustom(sorted, 0.75, QuantileDefinition.R7);
        var reach = 1.5 * (upper - lower);
        var lowerWhisker = sorted.First(value => value >= lower - reach);
        var upperWhisker = sorted.Last(value => value <= upper + reach);
        IReadOnlyList<double> kde = [];
        if (GaussianKernelDensity.TryCreate(sorted, GaussianKernelDensity.ScottFactor(sorted.Length), out var density, out var reason))
        {
            kde = density!.EvaluateLinspace(lowerWhisker, upperWhisker, KdePoints);
        }

        return new BoxplotStatistics
        {
            LowerQuartile = lower,
            Median = median,
            UpperQuartile = upper,
            LowerWhisker = lowerWhisker,
            UpperWhisker = upperWhisker,
            Outliers = [.. sorted.Where(value => value < lowerWhisker || value > upperWhisker)],
            Count = sorted.Length,
            Kde = kde,
            Reason = reason,
        };
    }
}
