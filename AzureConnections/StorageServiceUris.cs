namespace Fractal.AzureConnections;

/// <summary>The service endpoints of an identity-based storage connection (a service not given is none).</summary>
/// <param name="Blob">The blob service, <c>https://{account}.blob.core.windows.net</c>.</param>
/// <param name="Queue">The queue service, <c>https://{account}.queue.core.windows.net</c>.</param>
/// <param name="Table">The table service, <c>https://{account}.table.core.windows.net</c>.</param>
public sealed record StorageServiceUris(Uri? Blob, Uri? Queue, Uri? Table);
