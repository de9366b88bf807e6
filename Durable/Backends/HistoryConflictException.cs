namespace Fractal.Durable.Backends;

/// <summary>Another writer appended to the instance's history since it was loaded.</summary>
public sealed class HistoryConflictException : Exception
{
    public HistoryConflictException(string instanceId)
        : base($"The history of instance '{instanceId}' changed since it was loaded.")
    {
        InstanceId = instanceId;
    }

    public string InstanceId { get; }
}
