using System.Globalization;
using System.Text;

namespace Fractal.Etl.Handlers.Tests.Support;

/// <summary>
/// A text of a given size made row by row as it is read, never held whole: a head, rows from
/// <c>row(n)</c>, and a tail once the size is reached. Every 32 MB it measures the managed heap that is
/// still reachable (after a full collection, so garbage the collector has not yet reclaimed does not
/// count), to show the reader kept nothing.
/// </summary>
internal sealed class GeneratedTextStream(long targetBytes, string head, Func<long, string> row, string tail = "") : ForwardOnlyReadStream
{
    private const long SampleEvery = 32L * 1024 * 1024;

    private byte[] _pending = Encoding.UTF8.GetBytes(head);
    private int _pendingOffset;
    private long _nextSample = SampleEvery;
    private bool _ended;

    /// <summary>CSV rows <c>r{n},{n / 4},xxx...</c> under the header <c>id,value,note</c>.</summary>
    public static GeneratedTextStream Csv(long targetBytes, int noteLength)
    {
        var note = new string('x', noteLength);
        return new GeneratedTextStream(targetBytes, "id,value,note\n", n => string.Create(CultureInfo.InvariantCulture, $"r{n},{n * 0.25},{note}\n"));
    }

    public long Rows { get; private set; }

    public long BytesProduced { get; private set; }

    public long PeakLiveManagedBytes { get; private set; }

    public override int Read(Span<byte> buffer)
    {
        var written = 0;
        while (written < buffer.Length)
        {
            if (_pendingOffset == _pending.Length)
            {
                if (_ended)
                {
                    break;
                }

                if (BytesProduced >= targetBytes)
                {
                    _ended = true;
                    _pending = Encoding.UTF8.GetBytes(tail);
                }
                else
                {
                    Rows++;
                    _pending = Encoding.UTF8.GetBytes(row(Rows));
                }

                _pendingOffset = 0;
            }

            var count = Math.Min(buffer.Length - written, _pending.Length - _pendingOffset);
            _pending.AsSpan(_pendingOffset, count).CopyTo(buffer[written..]);
            _pendingOffset += count;
            written += count;
            BytesProduced += count;
        }

        if (BytesProduced >= _nextSample)
        {
            _nextSample += SampleEvery;
            PeakLiveManagedBytes = Math.Max(PeakLiveManagedBytes, GC.GetTotalMemory(forceFullCollection: true));
        }

        return written;
    }

    public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) => ValueTask.FromResult(Read(buffer.Span));
}
