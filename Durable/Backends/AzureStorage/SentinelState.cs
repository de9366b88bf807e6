using Azure;

namespace Fractal.Durable.Backends.AzureStorage;

/// <summary>
/// The history sentinel row of an instance as last seen: which execution is current, how many of its
/// events are committed, and the ETag that is the history's checkpoint.
/// </summary>
internal sealed record SentinelState(ETag ETag, string ExecutionId, int EventCount);
