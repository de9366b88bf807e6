using System.Text.Json;

namespace Fractal.Bench.Engine;

/// <summary>The two orchestrations, with what their outputs must be.</summary>
internal static class Scenarios
{
    private static readonly TimeSpan s_helloTimeout = TimeSpan.FromMinutes(2);
    private static readonly TimeSpan s_fanOutTimeout = TimeSpan.FromMinutes(10);

    /// <summary>A hello takes a few hundred ms: poll often, so the poll adds little to it.</summary>
    private static readonly TimeSpan s_helloPoll = TimeSpan.FromMilliseconds(10);

    /// <summary>A fan-out takes seconds: poll less, so the reads do not load the storage the engine is measured on.</summary>
    private static readonly TimeSpan s_fanOutPoll = TimeSpan.FromMilliseconds(200);

    public static Task<TimeSpan> HelloAsync(IBenchTarget target, CancellationToken cancellationToken) =>
        InstanceWatcher.RunAsync(target, target.StartHelloAsync, IsHelloOutput, s_helloPoll, s_helloTimeout, cancellationToken);

    public static Task<TimeSpan> FanOutAsync(IBenchTarget target, int count, CancellationToken cancellationToken) =>
        InstanceWatcher.RunAsync(target, ct => target.StartFanOutAsync(count, ct), output => IsFanOutOutput(output, count), s_fanOutPoll, s_fanOutTimeout, cancellationToken);

    private static bool IsHelloOutput(string? output) =>
        output is not null
        && JsonSerializer.Deserialize<string[]>(output) is ["Hello Tokyo!", "Hello Seattle!", "Hello London!"];

    private static bool IsFanOutOutput(string? output, int count) =>
        output is not null
        && JsonSerializer.Deserialize<int[]>(output) is { } values
        && values.SequenceEqual(Enumerable.Range(0, count));
}
