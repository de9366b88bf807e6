namespace Fractal.Durable.History;

/// <summary>An external event arrived.</summary>
/// <param name="Name">The event's name, matched case-insensitively by <c>WaitForExternalEvent</c>.</param>
/// <param name="Input">The event's payload, as JSON.</param>
/// <param name="MessageId">The id of the message that carried it, so that a redelivery is recognised.</param>
public sealed record EventRaisedEvent(string Name, string? Input, string MessageId) : HistoryEvent;
