namespace Fractal.Bench.Ingest;

/// <summary>Samples the managed heap every 20 ms on a background thread and keeps the peak.</summary>
internal sealed class MemorySampler : IDisposable
{
    private readonly CancellationTokenSource _stop = new();
    private readonly Thread _thread;
    private long _peak;

    public MemorySampler()
    {
        _thread = new Thread(Sample) { IsBackground = true, Name = "memory sampler" };
        _thread.Start();
    }

    public long PeakManagedBytes => Math.Max(Interlocked.Read(ref _peak), GC.GetGCMemoryInfo().HeapSizeBytes);

    public void Dispose()
    {
        _stop.Cancel();
        _thread.Join();
        _stop.Dispose();
    }

    private void Sample()
    {
        while (!_stop.IsCancellationRequested)
        {
            var now = GC.GetTotalMemory(forceFullCollection: false);
            if (now > Interlocked.Read(ref _peak))
            {
                Interlocked.Exchange(ref _peak, now);
            }

            Thread.Sleep(20);
        }
    }
}
