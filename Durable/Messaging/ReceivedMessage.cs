namespace Fractal.Durable.Messaging;

/// <summary>A message taken from a queue: its body, how often it has been taken, and the receipt that deletes it.</summary>
public sealed record ReceivedMessage<T>(T Body, int DequeueCount, MessageReceipt Receipt);
