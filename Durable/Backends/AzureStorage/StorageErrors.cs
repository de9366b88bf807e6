using Azure;

namespace Fractal.Durable.Backends.AzureStorage;

/// <summary>Recognises the storage errors the backend treats as outcomes rather than failures.</summary>
internal static class StorageErrors
{
    /// <summary>The message was deleted, or received again so this receipt no longer names it.</summary>
    public static bool IsMessageGone(RequestFailedException exception) =>
        exception.Status == 404 || (exception.Status == 400 && exception.ErrorCode == "PopReceiptMismatch");

    /// <summary>An optimistic-concurrency check failed: the entity exists, is missing, or has another ETag.</summary>
    public static bool IsConcurrencyConflict(RequestFailedException exception) =>
        exception.Status is 404 or 409 or 412;
}
