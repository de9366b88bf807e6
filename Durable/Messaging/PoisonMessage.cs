namespace Fractal.Durable.Messaging;

/// <summary>What the poison queue keeps of a message that failed too often: where it came from, its body and why.</summary>
public sealed record PoisonMessage(string SourceQueue, string Body, int DequeueCount, string Reason, DateTime PoisonedAt);
