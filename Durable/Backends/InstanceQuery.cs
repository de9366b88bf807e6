namespace Fractal.Durable.Backends;

/// <summary>Which instances to list or purge; every filter left null matches all.</summary>
public sealed record InstanceQuery
{
    public IReadOnlyCollection<OrchestrationRuntimeStatus>? RuntimeStatus { get; init; }

    public DateTime? CreatedFrom { get; init; }

    public DateTime? CreatedTo { get; init; }

    public string? InstanceIdPrefix { get; init; }

    /// <summary>The page size.</summary>
    public int PageSize { get; init; } = 100;

    /// <summary>Where the previous page ended.</summary>
    public string? ContinuationToken { get; init; }

    /// <summary>Whether <paramref name="record"/> passes the filters.</summary>
    public bool Matches(InstanceRecord record)
    {
        ArgumentNullException.ThrowIfNull(record);
        return (RuntimeStatus is null || RuntimeStatus.Count == 0 || RuntimeStatus.Contains(record.RuntimeStatus))
            && (CreatedFrom is null || record.CreatedTime >= CreatedFrom)
            && (CreatedTo is null || record.CreatedTime <= CreatedTo)
            && (InstanceIdPrefix is null || record.InstanceId.StartsWith(InstanceIdPrefix, StringComparison.Ordinal));
    }
}
