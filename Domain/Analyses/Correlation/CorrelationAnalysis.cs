using Fractal.Domain.Data;
using Fractal.Domain.Statistics.Correlation;
using MathNet.Numerics;

namespace Fractal.Domain.Analyses.Correlation;

/// <summary>
/// <c>compute-correlation</c>: joins x and y on id, drops ids with a missing value, applies the scope,
/// and reports the correlation, its p-value and the least-squares line over all points and per subset.
/// Categories label the points but do not split the statistics, as in Fractalis.
/// </summary>
public static class CorrelationAnalysis
{
    public const string TaskName = "compute-correlation";

    /// <summary>The catalog entry.</summary>
    public static AnalysisSchema Schema { get; } = new()
    {
        TaskName = TaskName,
        Description = "Pearson, Spearman or Kendall correlation of two numerical variables, with the least-squares line, overall and per subset.",
        Parameters =
        [
            new() { Name = "x", Kind = ParameterKind.Dataset, Required = true, DataTypes = [DataType.Numerical.ToName()], Description = "The x-axis variable." },
            new() { Name = "y", Kind = ParameterKind.Dataset, Required = true, DataTypes = [DataType.Numerical.ToName()], Description = "The y-axis variable." },
            new() { Name = "method", Kind = ParameterKind.Text, AllowedValues = CorrelationMethodNames.All, Default = "pearson", Description = "The correlation coefficient." },
            CommonParameters.IdFilter,
            CommonParameters.Subsets,
            CommonParameters.Categories,
        ],
    };

    /// <summary>Runs the analysis: <see cref="Plan"/>, <see cref="Statistics"/> per group, <see cref="Combine"/>.</summary>
    /// <exception cref="AnalysisArgumentException">A dataset is not a one-feature numerical one, x and y share no id with values, or no id is in a subset.</exception>
    public static CorrelationResult Run(CorrelationArguments arguments)
    {
        var plan = Plan(arguments);
        return Combine(plan, [.. plan.Groups.Select(group => Statistics(group.X, group.Y, plan.Method))]);
    }

    /// <summary>Joins x and y on id, drops ids with a missing value, applies the scope, and lists the units of work.</summary>
    /// <exception cref="AnalysisArgumentException">A dataset is not a one-feature numerical one, x and y share no id with values, or no id is in a subset.</exception>
    public static CorrelationPlan Plan(CorrelationArguments arguments)
    {
        ArgumentNullException.ThrowIfNull(arguments);
        var x = NumericVariable.FromTable(arguments.X, "x");
        var y = NumericVariable.FromTable(arguments.Y, "y");
        var dropped = new List<string>();
        var joined = new List<string>();
        var yIds = arguments.Y.Ids.ToHashSet(StringComparer.Ordinal);
        foreach (var id in arguments.X.Ids.Distinct(StringComparer.Ordinal).Where(yIds.Contains))
        {
            if (x.TryGetValue(id, out _) && y.TryGetValue(id, out _))
            {
                joined.Add(id);
            }
            else
            {
                dropped.Add(id);
            }
        }

        if (joined.Count == 0)
        {
            throw new AnalysisArgumentException("y", "x and y share no id with values in both.");
        }

        var points = arguments.Scope.Apply(joined)
            .Select(entry => new CorrelationPoint(entry.Id, Value(x, entry.Id), Value(y, entry.Id), entry.Subset, entry.Category))
            .ToList();
        var overall = points.DistinctBy(point => point.Id).ToList();
        var groups = new List<CorrelationGroupInput> { new("overall", [.. overall.Select(p => p.X)], [.. overall.Select(p => p.Y)]) };
        for (var subset = 0; subset < arguments.Scope.SubsetCount; subset++)
        {
            var members = points.Where(point => point.Subset == subset).ToList();
            groups.Add(new CorrelationGroupInput(AnalysisScope.SubsetLabel(subset), [.. members.Select(p => p.X)], [.. members.Select(p => p.Y)]));
        }

        return new CorrelationPlan
        {
            Method = arguments.Method,
            XLabel = x.Label,
            YLabel = y.Label,
            Data = points,
            DroppedIds = dropped,
            Groups = groups,
        };
    }

    /// <summary>Assembles the result from the plan and the statistics of each of its groups, in order.</summary>
    /// <exception cref="ArgumentException">The statistics do not pair up with the plan's groups.</exception>
    public static CorrelationResult Combine(CorrelationPlan plan, IReadOnlyList<CorrelationStatistics> statistics)
    {
        ArgumentNullException.ThrowIfNull(plan);
        ArgumentNullException.ThrowIfNull(statistics);
        PlanChecks.RequireOnePerGroup(plan.Groups.Count, statistics.Count, nameof(statistics));

        return new CorrelationResult
        {
            Overall = statistics[0],
            Subsets = [.. statistics.Skip(1)],
            Method = plan.Method.ToName(),
            Data = plan.Data,
            XLabel = plan.XLabel,
            YLabel = plan.YLabel,
            DroppedIds = plan.DroppedIds,
        };
    }

    /// <summary>
    /// The statistics of one set of paired values (the per-group step an orchestration fans out):
    /// the coefficient and p-value of <paramref name="method"/>, and <c>numpy.polyfit(x, y, 1)</c>'s line.
    /// Fewer than two points, or a constant x for the line, give NaN with a reason.
    /// </summary>
    public static CorrelationStatistics Statistics(IReadOnlyList<double> x, IReadOnlyList<double> y, CorrelationMethod method)
    {
        ArgumentNullException.ThrowIfNull(x);
        ArgumentNullException.ThrowIfNull(y);
        var estimate = method switch
        {
            CorrelationMethod.Pearson => PearsonCorrelation.Compute(x, y),
            CorrelationMethod.Spearman => SpearmanCorrelation.Compute(x, y),
            CorrelationMethod.Kendall => KendallTauB.Compute(x, y),
            _ => throw new ArgumentOutOfRangeException(nameof(method), method, "Unknown correlation method."),
        };

        var slope = double.NaN;
        var intercept = double.NaN;
        var reason = estimate.Reason;
        if (x.Count >= 2 && x.Any(value => value != x[0]))
        {
            (intercept, slope) = Fit.Line([.. x], [.. y]);
        }
        else if (x.Count >= 2)
        {
            reason ??= "x is constant; the least-squares line is not defined.";
        }

        return new CorrelationStatistics
        {
            Coefficient = estimate.Coefficient,
            PValue = estimate.PValue,
            Slope = slope,
            Intercept = intercept,
            Count = x.Count,
            Reason = reason,
        };
    }

    private static double Value(NumericVariable variable, string id) =>
        variable.TryGetValue(id, out var value) ? value : double.NaN;
}
