using System.Text.Json;

namespace Fractal.Durable.Backends.AzureStorage;

/// <summary>
/// Turns message bodies into queue message text (UTF-8 JSON) and back; a body over the threshold is
/// stored as a blob and the queue message carries a <see cref="LargeMessageReference"/>.
/// </summary>
internal sealed class QueueMessageCodec
{
    private readonly LargePayloadStore _payloads;
    private readonly int _threshold;

    public QueueMessageCodec(LargePayloadStore payloads, int threshold)
    {
        _payloads = payloads;
        _threshold = threshold;
    }

    /// <summary>The queue message text for <paramref name="body"/>, uploading it to a blob first when it is too large.</summary>
    public async Task<BinaryData> EncodeAsync<T>(T body, CancellationToken cancellationToken)
    {
        var json = JsonSerializer.SerializeToUtf8Bytes(body);
        if (json.Length <= _threshold)
        {
            return new BinaryData(json);
        }

        var blobName = "messages/" + Guid.NewGuid().ToString("N");
        await _payloads.UploadAsync(blobName, new BinaryData(json), cancellationToken);
        return new BinaryData(JsonSerializer.SerializeToUtf8Bytes(new LargeMessageReference(blobName)));
    }

    /// <summary>Reads a received message's text: the body, and the blob that held it if it was large.</summary>
    /// <exception cref="JsonException">The text (or the blob it names) is not a <typeparamref name="T"/>.</exception>
    public async Task<DecodedMessage<T>> DecodeAsync<T>(BinaryData text, CancellationToken cancellationToken)
        where T : class
    {
        string? blobName = null;
        var json = text;
        if (text.ToMemory().Span.StartsWith(LargeMessageReference.Marker))
        {
            var reference = JsonSerializer.Deserialize<LargeMessageReference>(text)
                ?? throw new JsonException("The large-message reference is empty.");
            blobName = reference.LargeMessageBlob;
            json = await _payloads.DownloadAsync(blobName, cancellationToken)
                ?? throw new JsonException($"The large message blob '{blobName}' does not exist.");
        }

        var body = JsonSerializer.Deserialize<T>(json) ?? throw new JsonException("The message body is null.");
        return new DecodedMessage<T>(body, blobName);
    }
}
