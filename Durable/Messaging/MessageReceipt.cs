namespace Fractal.Durable.Messaging;

/// <summary>Identifies one received copy of a message so it can be deleted, hidden longer or released.</summary>
/// <param name="Queue">The queue's name.</param>
/// <param name="MessageId">The queue's id for the message.</param>
/// <param name="PopReceipt">The receipt of this receive; it changes when the visibility is renewed.</param>
public sealed record MessageReceipt(string Queue, string MessageId, string PopReceipt);
