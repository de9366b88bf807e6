using Fractal.Durable.Backends;

namespace Fractal.Durable.Tests.Backends;

/// <summary>Instance rows for backend tests.</summary>
internal static class InstanceRecords
{
    public static DateTime Created { get; } = new(2026, 5, 1, 12, 0, 0, DateTimeKind.Utc);

    public static InstanceRecord Pending(string instanceId, DateTime? created = null) => new()
    {
        InstanceId = instanceId,
        Name = "Hello",
        ExecutionId = Guid.NewGuid().ToString("N"),
        RuntimeStatus = OrchestrationRuntimeStatus.Pending,
        Input = "\"Tokyo\"",
        CreatedTime = created ?? Created,
        LastUpdatedTime = created ?? Created,
    };

    public static InstanceRecord WithStatus(InstanceRecord record, OrchestrationRuntimeStatus status) =>
        record with { RuntimeStatus = status, LastUpdatedTime = record.LastUpdatedTime.AddSeconds(1) };
}
