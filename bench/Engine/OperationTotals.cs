namespace Fractal.Bench.Engine;

/// <summary>A running count and total of timestamp ticks, updated from many threads.</summary>
internal sealed class OperationTotals
{
    private long _count;
    private long _ticks;

    public void Add(long ticks)
    {
        Interlocked.Increment(ref _count);
        Interlocked.Add(ref _ticks, ticks);
    }

    public (long Count, long Ticks) Take() => (Interlocked.Exchange(ref _count, 0), Interlocked.Exchange(ref _ticks, 0));
}
