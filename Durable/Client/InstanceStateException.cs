namespace Fractal.Durable.Client;

/// <summary>The instance is in a state that forbids the operation: it already exists and runs, it has ended, or it still runs.</summary>
public sealed class InstanceStateException : Exception
{
    public InstanceStateException(string instanceId, OrchestrationRuntimeStatus status, string message)
        : base(message)
    {
        InstanceId = instanceId;
        Status = status;
    }

    public string InstanceId { get; }

    public OrchestrationRuntimeStatus Status { get; }

    /// <summary>Whether the instance has ended (so the operation can never succeed: 410), rather than still running (409).</summary>
    public bool HasEnded => Status is OrchestrationRuntimeStatus.Completed or OrchestrationRuntimeStatus.Failed or OrchestrationRuntimeStatus.Terminated;
}
