namespace Fractal.Durable;

/// <summary>The states of an orchestration instance, as Durable Functions names them.</summary>
public enum OrchestrationRuntimeStatus
{
    Pending,
    Running,
    Completed,
    ContinuedAsNew,
    Failed,
    Terminated,
    Suspended,
}
