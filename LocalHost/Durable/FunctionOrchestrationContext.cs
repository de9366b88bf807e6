using Microsoft.DurableTask;
using Microsoft.DurableTask.Entities;

namespace Fractal.LocalHost.Durable;

/// <summary>
/// The <see cref="TaskOrchestrationContext"/> a Functions-style orchestrator receives: everything is the shim's context,
/// except <see cref="GetInput{T}"/>, which deserializes the raw input to the type the orchestrator asks for.
/// </summary>
internal sealed class FunctionOrchestrationContext : TaskOrchestrationContext
{
    private readonly TaskOrchestrationContext _inner;
    private readonly RawOrchestrationInput? _input;
    private readonly DataConverter _dataConverter;
    private readonly ILoggerFactory _loggerFactory;

    public FunctionOrchestrationContext(
        TaskOrchestrationContext inner, RawOrchestrationInput? input, DataConverter dataConverter, ILoggerFactory loggerFactory)
    {
        ArgumentNullException.ThrowIfNull(inner);
        ArgumentNullException.ThrowIfNull(dataConverter);
        ArgumentNullException.ThrowIfNull(loggerFactory);
        _inner = inner;
        _input = input;
        _dataConverter = dataConverter;
        _loggerFactory = loggerFactory;
    }

    public override TaskName Name => _inner.Name;

    public override string InstanceId => _inner.InstanceId;

    public override ParentOrchestrationInstance? Parent => _inner.Parent;

    public override DateTime CurrentUtcDateTime => _inner.CurrentUtcDateTime;

    public override bool IsReplaying => _inner.IsReplaying;

    public override string Version => _inner.Version;

    public override IReadOnlyDictionary<string, object?> Properties => _inner.Properties;

    public override TaskOrchestrationEntityFeature Entities => _inner.Entities;

    protected override ILoggerFactory LoggerFactory => _loggerFactory;

    public override T GetInput<T>() => _input?.Json is { } json ? _dataConverter.Deserialize<T>(json)! : default!;

    public override Task<TResult> CallActivityAsync<TResult>(TaskName name, object? input = null, TaskOptions? options = null) =>
        _inner.CallActivityAsync<TResult>(name, input, options);

    public override Task CreateTimer(DateTime fireAt, CancellationToken cancellationToken) => _inner.CreateTimer(fireAt, cancellationToken);

    public override Task<T> WaitForExternalEvent<T>(string eventName, CancellationToken cancellationToken = default) =>
        _inner.WaitForExternalEvent<T>(eventName, cancellationToken);

    public override void SendEvent(string instanceId, string eventName, object payload) => _inner.SendEvent(instanceId, eventName, payload);

    public override void SetCustomStatus(object? customStatus) => _inner.SetCustomStatus(customStatus);

    public override Task<TResult> CallSubOrchestratorAsync<TResult>(
        TaskName orchestratorName, object? input = null, TaskOptions? options = null) =>
        _inner.CallSubOrchestratorAsync<TResult>(orchestratorName, input, options);

    public override void ContinueAsNew(object? newInput = null, bool preserveUnprocessedEvents = true) =>
        _inner.ContinueAsNew(newInput, preserveUnprocessedEvents);

    public override void ContinueAsNew(ContinueAsNewOptions options) => _inner.ContinueAsNew(options);

    public override Guid NewGuid() => _inner.NewGuid();
}
