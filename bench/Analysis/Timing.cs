using System.Diagnostics;

namespace Fractal.Bench.Analysis;

/// <summary>Times a kernel: one warm-up run, then the fastest of the given number of runs.</summary>
internal static class Timing
{
    public static double BestSeconds(int runs, Func<object> kernel)
    {
        GC.KeepAlive(kernel());
        var best = double.MaxValue;
        for (var run = 0; run < runs; run++)
        {
            var watch = Stopwatch.StartNew();
            GC.KeepAlive(kernel());
            best = Math.Min(best, watch.Elapsed.TotalSeconds);
        }

        return best;
    }
}
