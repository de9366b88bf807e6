namespace Fractal.Durable.Backends.AzureStorage;

/// <summary>A received message body and, when it was large, the blob that held it.</summary>
internal sealed record DecodedMessage<T>(T Body, string? BlobName);
