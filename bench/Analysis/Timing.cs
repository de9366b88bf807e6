using System.Diagnostics;

namespace Fractal.Bench.Analysis;

/// <summary>
/// Times a kernel at steady state: warm-up runs until the JIT has had the calls and the time to
/// promote its methods to optimized code (30 calls, or a second of running, whichever comes first),
/// then the fastest of the given number of runs.
/// </summary>
internal static class Timing
{
    private const int WarmUpCalls = 30;
    private static readonly TimeSpan s_warmUpTime = TimeSpan.FromSeconds(1);

    public static double BestSeconds(int runs, Func<object> kernel)
    {
        var warmUp = Stopwatch.StartNew();
        for (var call = 0; call < WarmUpCalls && (call == 0 || warmUp.Elapsed < s_warmUpTime); call++)
        {
            GC.KeepAlive(kernel());
        }

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
