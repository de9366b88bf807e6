namespace Fractal.Durable.Backends.AzureStorage;

/// <summary>The body of a queue message whose real body lives in a blob of the large-messages container.</summary>
internal sealed record LargeMessageReference(string LargeMessageBlob)
{
    /// <summary>How every reference body begins, so a receive tells references from messages without parsing twice.</summary>
    public static ReadOnlySpan<byte> Marker => "{\"LargeMessageBlob\":"u8;
}
