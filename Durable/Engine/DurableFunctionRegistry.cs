namespace Fractal.Durable.Engine;

/// <summary>The orchestrators and activities a worker can run, by function name (case-insensitive).</summary>
public sealed class DurableFunctionRegistry
{
    private readonly Dictionary<string, Func<TaskOrchestrationContext, Task<string?>>> _orchestrators = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<string, Func<ActivityInvocation, Task<string?>>> _activities = new(StringComparer.OrdinalIgnoreCase);

    public DurableFunctionRegistry(DataConverter? converter = null)
    {
        Converter = converter ?? DataConverter.Default;
    }

    public DataConverter Converter { get; }

    public IEnumerable<string> OrchestratorNames => _orchestrators.Keys;

    /// <summary>Adds an orchestrator whose output is already JSON.</summary>
    public DurableFunctionRegistry AddOrchestratorRaw(string name, Func<TaskOrchestrationContext, Task<string?>> orchestrator)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        ArgumentNullException.ThrowIfNull(orchestrator);
        _orchestrators.Add(name, orchestrator);
        return this;
    }

    /// <summary>Adds an orchestrator; its result is serialized with <see cref="Converter"/>.</summary>
    public DurableFunctionRegistry AddOrchestrator<TResult>(string name, Func<TaskOrchestrationContext, Task<TResult>> orchestrator)
    {
        ArgumentNullException.ThrowIfNull(orchestrator);
        return AddOrchestratorRaw(name, async context => Converter.Serialize(await orchestrator(context)));
    }

    /// <summary>Adds an activity whose input and output are JSON.</summary>
    public DurableFunctionRegistry AddActivityRaw(string name, Func<ActivityInvocation, Task<string?>> activity)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        ArgumentNullException.ThrowIfNull(activity);
        _activities.Add(name, activity);
        return this;
    }

    /// <summary>Adds an activity; its input is deserialized and its result serialized with <see cref="Converter"/>.</summary>
    public DurableFunctionRegistry AddActivity<TInput, TResult>(string name, Func<TInput, Task<TResult>> activity)
    {
        ArgumentNullException.ThrowIfNull(activity);
        return AddActivityRaw(name, async invocation => Converter.Serialize(await activity(Converter.Deserialize<TInput>(invocation.Input)!)));
    }

    public bool HasOrchestrator(string name) => _orchestrators.ContainsKey(name);

    internal Func<TaskOrchestrationContext, Task<string?>>? FindOrchestrator(string name) => _orchestrators.GetValueOrDefault(name);

    internal Func<ActivityInvocation, Task<string?>>? FindActivity(string name) => _activities.GetValueOrDefault(name);
}
