namespace Fractal.Durable.History;

/// <summary>A client resumed a suspended instance.</summary>
public sealed record ExecutionResumedEvent(string? Reason) : HistoryEvent;
