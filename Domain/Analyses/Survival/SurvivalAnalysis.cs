using Fractal.Domain.Data;
using Fractal.Domain.Statistics.Survival;

namespace Fractal.Domain.Analyses.Survival;

/// <summary>
/// <c>survival-analysis</c>: per (category, subset) group, the Kaplan–Meier survival curve or the
/// Nelson–Aalen cumulative hazard with 95% bands, numbers at risk and events, and the median survival,
/// as R's <c>survfit</c> computes them; and the log-rank test across the groups, as R's <c>survdiff</c>.
/// </summary>
public static class SurvivalAnalysis
{
    public const string TaskName = "survival-analysis";

    /// <summary>The catalog entry.</summary>
    public static AnalysisSchema Schema { get; } = new()
    {
        TaskName = TaskName,
        Description = "Kaplan-Meier or Nelson-Aalen curves with 95% bands per category and subset, median survival, and a log-rank test across the groups.",
        Parameters =
        [
            new() { Name = "durations", Kind = ParameterKind.Dataset, Required = true, DataTypes = [DataType.Numerical.ToName(), DataType.TimeToEvent.ToName()], Description = "The times, or a time_to_event dataset holding times and event flags." },
            new() { Name = "event_observed", Kind = ParameterKind.Dataset, DataTypes = [DataType.Numerical.ToName(), DataType.Categorical.ToName()], Description = "Numerical: the event happened where the value is not 0, censored where it is 0. Categorical: the event happened where a value is present. Censored where the value is missing; without it, every subject had the event. Not with a time_to_event dataset." },
            new() { Name = "estimator", Kind = ParameterKind.Text, AllowedValues = SurvivalEstimatorNames.All, Default = "KaplanMeier", Description = "The curve to estimate." },
            CommonParameters.IdFilter,
            CommonParameters.Subsets,
            CommonParameters.Categories,
        ],
    };

    /// <summary>Runs the analysis: <see cref="Plan"/>, <see cref="Curve"/> per group, <see cref="Combine"/>.</summary>
    /// <exception cref="AnalysisArgumentException">Datasets of the wrong type, no duration left, or no id in any subset.</exception>
    public static SurvivalResult Run(SurvivalArguments arguments)
    {
        var plan = Plan(arguments);
        return Combine(plan, [.. plan.Groups.Select(group => Curve(group.Times, group.Events, plan.Estimator))]);
    }

    /// <summary>Reads durations and event flags, drops missing durations, applies the scope, and lists the groups.</summary>
    /// <exception cref="AnalysisArgumentException">Datasets of the wrong type, no duration left, or no id in any subset.</exception>
    public static SurvivalPlan Plan(SurvivalArguments arguments)
    {
        ArgumentNullException.ThrowIfNull(arguments);
        var (label, times, flags, dropped) = ReadSubjects(arguments);
        var kept = times.Keys.Where(arguments.Scope.Keeps).ToList();
        if (kept.Count == 0)
        {
            throw new AnalysisArgumentException("durations", "No subject with a duration is left among the ids kept.");
        }

        return new SurvivalPlan
        {
            Label = label,
            Estimator = arguments.Estimator,
            Groups = [.. AnalysisScope.Group(arguments.Scope.Apply(kept)).Select(group => new SurvivalGroupInput(
                group.Category,
                group.Subset,
                group.Ids,
                [.. group.Ids.Select(id => times[id])],
                [.. group.Ids.Select(id => flags.TryGetValue(id, out var flag) && flag)]))],
            DroppedIds = [.. dropped.Where(arguments.Scope.Keeps)],
            CensoredWithoutFlagIds = [.. kept.Where(id => !flags.ContainsKey(id))],
        };
    }

    /// <summary>Assembles the result from the plan and the curve of each of its groups, in order, and runs the log-rank test across the groups.</summary>
    /// <exception cref="ArgumentException">The curves do not pair up with the plan's groups.</exception>
    public static SurvivalResult Combine(SurvivalPlan plan, IReadOnlyList<SurvivalCurve> curves)
    {
        ArgumentNullException.ThrowIfNull(plan);
        ArgumentNullException.ThrowIfNull(curves);
        PlanChecks.RequireOnePerGroup(plan.Groups.Count, curves.Count, nameof(curves), "curves");

        var groups = plan.Groups.Select((group, index) => new SurvivalGroup(group.Category, group.Subset, curves[index])).ToList();
        return new SurvivalResult
        {
            Label = plan.Label,
            Statistics = groups,
            Categories = [.. groups.Select(group => group.Category).Distinct(StringComparer.Ordinal)],
            Subsets = [.. groups.Select(group => group.Subset).Distinct().Order()],
            Estimator = plan.Estimator.ToName(),
            LogRank = LogRankTest.Compute([.. plan.Groups.Select(group => (group.Times, group.Events))]),
            DroppedIds = plan.DroppedIds,
            CensoredWithoutFlagIds = plan.CensoredWithoutFlagIds,
        };
    }

    /// <summary>
    /// One group's curve (the per-group step an orchestration fans out): R's <c>survfit</c> Kaplan–Meier
    /// with the log(-log) band, or its <c>ctype = 1</c> Nelson–Aalen hazard with H·exp(±z·se/H); the
    /// median always from the Kaplan–Meier curve.
    /// </summary>
    /// <exception cref="ArgumentException">The lists differ in length, or a time is not finite.</exception>
    public static SurvivalCurve Curve(IReadOnlyList<double> times, IReadOnlyList<bool> events, SurvivalEstimator estimator)
    {
        var survival = KaplanMeier.Fit(times, events);
        var estimate = estimator == SurvivalEstimator.NelsonAalen ? NelsonAalen.Fit(times, events) : survival;
        return new SurvivalCurve
        {
            Timeline = estimate.Table.Times,
            Estimate = estimate.Estimate,
            Lower = estimate.Lower,
            Upper = estimate.Upper,
            AtRisk = estimate.Table.AtRisk,
            Events = estimate.Table.Events,
            Median = KaplanMeier.Median(survival),
            Count = times.Count,
        };
    }

    private static (string Label, Dictionary<string, double> Times, Dictionary<string, bool> Flags, List<string> Dropped) ReadSubjects(SurvivalArguments arguments)
    {
        var times = new Dictionary<string, double>(StringComparer.Ordinal);
        var flags = new Dictionary<string, bool>(StringComparer.Ordinal);
        var dropped = new List<string>();
        var durations = arguments.Durations;
        if (durations.DataType == DataType.TimeToEvent)
        {
            if (arguments.EventObserved is not null)
            {
                throw new AnalysisArgumentException("event_observed", "A time_to_event dataset holds its own event flags; leave out event_observed.");
            }

            for (var row = 0; row < durations.RowCount; row++)
            {
                var target = durations.Features[row] switch
                {
                    DatasetTable.TimeFeature => times,
                    DatasetTable.EventFeature => null,
                    _ => throw new AnalysisArgumentException("durations", $"A time_to_event dataset has the features time and event, not '{durations.Features[row]}'."),
                };
                var value = durations.Numbers[row];
                if (target is not null)
                {
                    AddTime(times, dropped, durations.Ids[row], value);
                }
                else if (!double.IsNaN(value))
                {
                    flags.TryAdd(durations.Ids[row], value != 0);
                }
            }

            return (DatasetTable.TimeFeature, times, flags, dropped);
        }

        var variable = NumericVariable.FromTable(durations, "durations");
        foreach (var id in variable.Ids)
        {
            variable.TryGetValue(id, out var time);
            AddTime(times, dropped, id, time);
        }

        dropped.AddRange(variable.MissingIds);
        if (arguments.EventObserved is null)
        {
            foreach (var id in times.Keys)
            {
                flags.Add(id, true);
            }
        }
        else
        {
            ReadEventFlags(arguments.EventObserved, flags);
        }

        return (variable.Label, times, flags, dropped);
    }

    /// <summary>
    /// The event flag of each id that has a value in <paramref name="table"/> (the first row of an id wins): numerical,
    /// an event where the value is not 0; categorical, as Fractalis counts it, an event wherever a value is present
    /// (a non-empty label). Ids with a missing value get no flag, and count as censored.
    /// </summary>
    private static void ReadEventFlags(DatasetTable table, Dictionary<string, bool> flags)
    {
        if (table.DataType == DataType.Categorical)
        {
            if (table.DistinctFeatures().Count != 1)
            {
                throw new AnalysisArgumentException("event_observed", $"'event_observed' must have exactly one feature; it has {table.DistinctFeatures().Count}.");
            }

            var seen = new HashSet<string>(StringComparer.Ordinal);
            for (var row = 0; row < table.RowCount; row++)
            {
                if (seen.Add(table.Ids[row]) && !string.IsNullOrEmpty(table.Labels[row]))
                {
                    flags.Add(table.Ids[row], true);
                }
            }

            return;
        }

        var events = NumericVariable.FromTable(table, "event_observed");
        foreach (var id in events.Ids)
        {
            events.TryGetValue(id, out var flag);
            flags.Add(id, flag != 0);
        }
    }

    private static void AddTime(Dictionary<string, double> times, List<string> dropped, string id, double time)
    {
        if (double.IsNaN(time))
        {
            dropped.Add(id);
        }
        else if (!double.IsFinite(time))
        {
            throw new AnalysisArgumentException("durations", $"The duration of '{id}' is not finite.");
        }
        else
        {
            times.TryAdd(id, time);
        }
    }
}
