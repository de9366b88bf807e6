using System.Diagnostics;
using Xunit.Abstractions;

namespace Fractal.LocalHost.Tests.Recovery;

/// <summary>Writes a test's steps to its output with the time since it began, to see where a slow run spends it.</summary>
internal sealed class Timeline(ITestOutputHelper output)
{
    private readonly Stopwatch _clock = Stopwatch.StartNew();

    public void Mark(string step) => output.WriteLine($"{_clock.Elapsed.TotalSeconds,6:F1} s  {step}");
}
