namespace Fractal.Durable;

/// <summary>Options for a sub-orchestration: those of any task plus the child's instance id.</summary>
public sealed record SubOrchestrationOptions : TaskOptions
{
    /// <summary>The child's instance id; a deterministic one is made when null.</summary>
    public string? InstanceId { get; init; }
}
