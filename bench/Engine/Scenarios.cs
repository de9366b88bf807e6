using System.Text.Json;

namespace Fractal.Bench.Engine;

/// <summary>The two orchestrations, with what their outputs must be.</summary>
internal static class Scenarios
{
    private static readonly TimeSpan s_helloTimeout = TimeSpan.FromMinutes(2);
    private static readonly TimeSpan s_fanOutTimeout = TimeSpan.FromMinutes(10);

    public static Task<TimeSpan> HelloAsync(IBenchTarget target, CancellationToken cancellationToken) =>
        InstanceWatcher.RunAsync(target, target.StartHelloAsync, IsHelloOutput, s_helloTimeout, cancellationToken);

    public static Task<TimeSpan> FanOutAsync(IBenchTarget target, int count, CancellationToken cancellationToken) =>
        InstanceWatcher.RunAsync(target, ct => target.StartFanOutAsync(count, ct), output => IsFanOutOutput(output, count), s_fanOutTimeout, cancellationToken);

    private static bool IsHelloOutput(string? output) =>
        output is not null
        && JsonSerializer.Deserialize<string[]>(output) is ["Hello Tokyo!", "Hello Seattle!", "Hello London!"];

    private static bool IsFanOutOutput(string? output, int count) =>
        output is not null
        && JsonSerializer.Deserialize<int[]>(output) is { } values
        && values.SequenceEqual(Enumerable.Range(0, count));
}
