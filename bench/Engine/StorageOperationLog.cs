using System.Collections.Concurrent;
using System.Diagnostics;

namespace Fractal.Bench.Engine;

/// <summary>
/// Counts the engine's storage operations by kind with their total time, and, while tracing, keeps
/// each operation's start and duration so one instance's path can be printed step by step.
/// </summary>
internal sealed class StorageOperationLog
{
    private readonly ConcurrentDictionary<string, OperationTotals> _totals = new(StringComparer.Ordinal);
    private readonly ConcurrentQueue<TracedOperation> _trace = new();
    private long _traceStart;

    /// <summary>Starts timing an operation; <see cref="Stop"/> records it.</summary>
    public static long Start() => Stopwatch.GetTimestamp();

    public void Stop(string kind, long started)
    {
        var elapsed = Stopwatch.GetTimestamp() - started;
        var totals = _totals.GetOrAdd(kind, _ => new OperationTotals());
        totals.Add(elapsed);
        var traceStart = Interlocked.Read(ref _traceStart);
        if (traceStart != 0)
        {
            _trace.Enqueue(new TracedOperation(kind, Stopwatch.GetElapsedTime(traceStart, started), Stopwatch.GetElapsedTime(started, started + elapsed)));
        }
    }

    /// <summary>The operations since the last call, by kind, and starts counting afresh.</summary>
    public IReadOnlyList<OperationSummary> TakeSummary()
    {
        var summary = new List<OperationSummary>();
        foreach (var (kind, totals) in _totals)
        {
            var (count, ticks) = totals.Take();
            if (count > 0)
            {
                summary.Add(new OperationSummary(kind, count, Stopwatch.GetElapsedTime(0, ticks)));
            }
        }

        return [.. summary.OrderByDescending(s => s.Total)];
    }

    public void StartTrace()
    {
        _trace.Clear();
        Interlocked.Exchange(ref _traceStart, Stopwatch.GetTimestamp());
    }

    public IReadOnlyList<TracedOperation> StopTrace()
    {
        Interlocked.Exchange(ref _traceStart, 0);
        return [.. _trace.OrderBy(t => t.Offset)];
    }
}
