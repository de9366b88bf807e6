namespace Fractal.Etl.Handlers.Json;

/// <summary>Reads bytes already taken from a stream (to peek at them), then the rest of the stream.</summary>
internal sealed class ReplayStream(ReadOnlyMemory<byte> head, Stream rest) : ForwardOnlyReadStream
{
    private ReadOnlyMemory<byte> _head = head;

    public override int Read(Span<byte> buffer)
    {
        if (_head.IsEmpty)
        {
            return rest.Read(buffer);
        }

        var count = Math.Min(buffer.Length, _head.Length);
        _head.Span[..count].CopyTo(buffer);
        _head = _head[count..];
        return count;
    }

    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
    {
        if (_head.IsEmpty)
        {
            return await rest.ReadAsync(buffer, cancellationToken);
        }

        return Read(buffer.Span);
    }
}
