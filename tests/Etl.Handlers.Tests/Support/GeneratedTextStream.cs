using System.Globalization;
using System.Text;

namespace Fractal.Etl.Handlers.Tests.Support;

/// <summary>
/// A CSV of a given size made row by row as it is read, never held whole: <c>id,value,note</c> rows with
/// a wide note column. It samples the managed heap as it goes, to show the reader kept nothing.
/// </summary>
internal sealed class GeneratedCsvStream(long targetBytes, int noteLength) : Stream
{
    private const long SampleEvery = 32L * 1024 * 1024;

    private readonly string _note = new('x', noteLength);
    private byte[] _pending = Encoding.UTF8.GetBytes("id,value,note\n");
    private int _pendingOffset;
    private long _nextSample = SampleEvery;

    public long Rows { get; private set; }

    public long BytesProduced { get; private set; }

    public long PeakManagedBytes { get; private set; }

    public override bool CanRead => true;

    public override bool CanSeek => false;

    public override bool CanWrite => false;

    public override long Length => throw new NotSupportedException();

    public override long Position
    {
        get => throw new NotSupportedException();
        set => throw new NotSupportedException();
    }

    public override void Flush()
    {
    }

    public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

    public override int Read(Span<byte> buffer)
    {
        var written = 0;
        while (written < buffer.Length)
        {
            if (_pendingOffset == _pending.Length)
            {
                if (BytesProduced >= targetBytes)
                {
                    break;
                }

                Rows++;
                _pending = Encoding.UTF8.GetBytes(string.Create(CultureInfo.InvariantCulture, $"r{Rows},{Rows * 0.25},{_note}\n"));
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
            PeakManagedBytes = Math.Max(PeakManagedBytes, GC.GetTotalMemory(forceFullCollection: false));
        }

        return written;
    }

    public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) => ValueTask.FromResult(Read(buffer.Span));

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
}
