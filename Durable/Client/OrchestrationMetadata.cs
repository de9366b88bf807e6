using Fractal.Durable.Backends;

namespace Fractal.Durable.Client;

/// <summary>An instance's state as a client reads it.</summary>
public sealed record OrchestrationMetadata(string Name, string InstanceId)
{
    public OrchestrationRuntimeStatus RuntimeStatus { get; init; }

    public DateTime CreatedAt { get; init; }

    public DateTime LastUpdatedAt { get; init; }

    public string? SerializedInput { get; init; }

    public string? SerializedOutput { get; init; }

    public string? SerializedCustomStatus { get; init; }

    public TaskFailureDetails? FailureDetails { get; init; }

    public bool IsRunning => RuntimeStatus is OrchestrationRuntimeStatus.Running or OrchestrationRuntimeStatus.Pending
        or OrchestrationRuntimeStatus.Suspended or OrchestrationRuntimeStatus.ContinuedAsNew;

    public bool IsCompleted => !IsRunning;

    public T? ReadInputAs<T>(DataConverter? converter = null) => (converter ?? DataConverter.Default).Deserialize<T>(SerializedInput);

    public T? ReadOutputAs<T>(DataConverter? converter = null) => (converter ?? DataConverter.Default).Deserialize<T>(SerializedOutput);

    public T? ReadCustomStatusAs<T>(DataConverter? converter = null) => (converter ?? DataConverter.Default).Deserialize<T>(SerializedCustomStatus);

    internal static OrchestrationMetadata From(InstanceRecord record, bool withPayloads) => new(record.Name, record.InstanceId)
    {
        RuntimeStatus = record.RuntimeStatus,
        CreatedAt = record.CreatedTime,
        LastUpdatedAt = record.LastUpdatedTime,
        SerializedInput = withPayloads ? record.Input : null,
        SerializedOutput = withPayloads ? record.Output : null,
        SerializedCustomStatus = withPayloads ? record.CustomStatus : null,
        FailureDetails = record.FailureDetails,
    };
}
