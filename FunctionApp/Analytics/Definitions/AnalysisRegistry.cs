using Fractal.Domain.Analyses;

namespace Fractal.FunctionApp.Analytics.Definitions;

/// <summary>The analyses registered in DI, by task name, in the order they were registered.</summary>
public sealed class AnalysisRegistry
{
    private readonly Dictionary<string, IAnalysisDefinition> _byName;

    public AnalysisRegistry(IEnumerable<IAnalysisDefinition> definitions)
    {
        ArgumentNullException.ThrowIfNull(definitions);
        All = [.. definitions];
        _byName = new Dictionary<string, IAnalysisDefinition>(StringComparer.Ordinal);
        foreach (var definition in All)
        {
            if (!_byName.TryAdd(definition.Schema.TaskName, definition))
            {
                throw new InvalidOperationException($"Two analyses are registered as '{definition.Schema.TaskName}'.");
            }
        }
    }

    /// <summary>Every analysis.</summary>
    public IReadOnlyList<IAnalysisDefinition> All { get; }

    /// <summary>Every task name.</summary>
    public IEnumerable<string> TaskNames => All.Select(definition => definition.Schema.TaskName);

    /// <summary>The analysis named <paramref name="taskName"/>, or null when there is none.</summary>
    public IAnalysisDefinition? Find(string? taskName) => taskName is not null && _byName.TryGetValue(taskName, out var definition) ? definition : null;

    /// <summary>The analysis named <paramref name="taskName"/>.</summary>
    /// <exception cref="AnalysisArgumentException">No analysis has that name (argument <c>task_name</c>).</exception>
    public IAnalysisDefinition Get(string? taskName) => Find(taskName)
        ?? throw new AnalysisArgumentException("task_name", $"Unknown task_name '{taskName}'; the analyses are {string.Join(", ", TaskNames)}.");

    /// <summary>The analysis named <paramref name="taskName"/> with the shape <typeparamref name="TShape"/>, as an activity of that shape needs it.</summary>
    /// <exception cref="InvalidOperationException">No analysis of that name and shape.</exception>
    public TShape Get<TShape>(string taskName)
        where TShape : IAnalysisDefinition =>
        Find(taskName) is TShape shaped ? shaped : throw new InvalidOperationException($"'{taskName}' is not an analysis of the shape {typeof(TShape).Name}.");
}
