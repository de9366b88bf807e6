using System.Diagnostics;
using Fractal.Durable;
using Fractal.Durable.Backends;

namespace Fractal.Bench.Engine;

/// <summary>
/// The three engine scenarios: sequential hellos (latency), wide fan-outs/fan-ins (the median
/// counts), and many hellos started at once (throughput). Every output is checked.
/// </summary>
internal sealed class EngineScenarios
{
    private const int HelloWarmUps = 5;
    private static readonly TimeSpan s_helloTimeout = TimeSpan.FromSeconds(60);
    private static readonly TimeSpan s_bulkTimeout = TimeSpan.FromMinutes(5);

    private readonly BenchOptions _options;

    public EngineScenarios(BenchOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        _options = options;
    }

    /// <summary>
    /// Warms every hub up, then runs each scenario on all of them in turn, one hello or fan-out at a
    /// time round-robin, so that a change in the machine's load falls on every target alike.
    /// </summary>
    public async Task<IReadOnlyList<EngineFigures>> RunAsync(IReadOnlyList<BenchTarget> targets, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(targets);
        foreach (var target in targets)
        {
            await WarmUpAsync(target.Hub, cancellationToken);
            target.Hub.Log.TakeSummary();
        }

        var hellos = targets.Select(_ => new Latencies()).ToArray();
        for (var i = 0; i < _options.Runs; i++)
        {
            for (var t = 0; t < targets.Count; t++)
            {
                hellos[t].Add(await RunHelloAsync(targets[t].Hub, cancellationToken));
            }
        }

        var helloOperations = targets.Select((target, t) => new ScenarioOperations("hello", hellos[t].Count, target.Hub.Log.TakeSummary())).ToArray();

        var fanOuts = targets.Select(_ => new List<TimeSpan>()).ToArray();
        for (var repeat = 0; repeat < targets.Max(t => t.FanOutRepeats); repeat++)
        {
            for (var t = 0; t < targets.Count; t++)
            {
                if (repeat < targets[t].FanOutRepeats)
                {
                    fanOuts[t].Add(await RunFanOutAsync(targets[t].Hub, cancellationToken));
                }
            }
        }

        var fanOutOperations = targets.Select((target, t) => new ScenarioOperations($"fan-out {_options.FanOut:N0}", fanOuts[t].Count, target.Hub.Log.TakeSummary())).ToArray();

        var figures = new List<EngineFigures>();
        for (var t = 0; t < targets.Count; t++)
        {
            var concurrent = await MeasureConcurrentAsync(targets[t].Hub, cancellationToken);
            var concurrentOperations = new ScenarioOperations($"{_options.Concurrent} hellos at once", _options.Concurrent, targets[t].Hub.Log.TakeSummary());
            var fanOut = fanOuts[t].Order().ElementAt(fanOuts[t].Count / 2);
            figures.Add(new EngineFigures(
                targets[t].Label, hellos[t], _options.FanOut, fanOut, _options.Concurrent, concurrent.Total, concurrent.PerInstance,
                [helloOperations[t], fanOutOperations[t], concurrentOperations]));
        }

        return figures;
    }

    /// <summary>The storage operations of one hello, step by step, after the hub is warm.</summary>
    public static async Task<IReadOnlyList<TracedOperation>> TraceHelloAsync(BenchHub hub, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(hub);
        hub.Log.StartTrace();
        var (_, record) = await hub.RunAsync(BenchFunctions.Hello, null, s_helloTimeout, cancellationToken);
        var trace = hub.Log.StopTrace();
        CheckHello(hub.Converter, record);
        return trace;
    }

    private async Task WarmUpAsync(BenchHub hub, CancellationToken cancellationToken)
    {
        for (var i = 0; i < HelloWarmUps; i++)
        {
            CheckHello(hub.Converter, (await hub.RunAsync(BenchFunctions.Hello, null, s_helloTimeout, cancellationToken)).Record);
        }

        var smallFanOut = Math.Min(_options.FanOut, 100);
        CheckFanOut(hub.Converter, (await hub.RunAsync(BenchFunctions.FanOut, smallFanOut, s_bulkTimeout, cancellationToken)).Record, smallFanOut);
    }

    private static async Task<TimeSpan> RunHelloAsync(BenchHub hub, CancellationToken cancellationToken)
    {
        var (elapsed, record) = await hub.RunAsync(BenchFunctions.Hello, null, s_helloTimeout, cancellationToken);
        CheckHello(hub.Converter, record);
        return elapsed;
    }

    private async Task<TimeSpan> RunFanOutAsync(BenchHub hub, CancellationToken cancellationToken)
    {
        var (elapsed, record) = await hub.RunAsync(BenchFunctions.FanOut, _options.FanOut, s_bulkTimeout, cancellationToken);
        CheckFanOut(hub.Converter, record, _options.FanOut);
        return elapsed;
    }

    private async Task<(TimeSpan Total, Latencies PerInstance)> MeasureConcurrentAsync(BenchHub hub, CancellationToken cancellationToken)
    {
        var perInstance = new Latencies();
        var started = Stopwatch.GetTimestamp();
        var ended = await Task.WhenAll(Enumerable.Range(0, _options.Concurrent)
            .Select(_ => hub.StartInstanceAsync(BenchFunctions.Hello, null, cancellationToken)));
        var records = await Task.WhenAll(ended.Select(async instance =>
        {
            var record = await instance;
            lock (perInstance)
            {
                perInstance.Add(Stopwatch.GetElapsedTime(started));
            }

            return record;
        })).WaitAsync(s_bulkTimeout, cancellationToken);
        var elapsed = Stopwatch.GetElapsedTime(started);
        foreach (var record in records)
        {
            CheckHello(hub.Converter, record);
        }

        return (elapsed, perInstance);
    }

    private static void CheckHello(DataConverter converter, InstanceRecord record)
    {
        CheckCompleted(record);
        var output = converter.Deserialize<List<string>>(record.Output);
        if (output is null || !output.SequenceEqual(BenchFunctions.HelloOutput))
        {
            throw new InvalidOperationException($"Hello instance {record.InstanceId} returned {record.Output}.");
        }
    }

    private static void CheckFanOut(DataConverter converter, InstanceRecord record, int count)
    {
        CheckCompleted(record);
        var sum = converter.Deserialize<long>(record.Output);
        if (sum != BenchFunctions.ExpectedSum(count))
        {
            throw new InvalidOperationException($"Fan-out instance {record.InstanceId} of {count} returned the sum {sum}, not {BenchFunctions.ExpectedSum(count)}.");
        }
    }

    private static void CheckCompleted(InstanceRecord record)
    {
        if (record.RuntimeStatus != OrchestrationRuntimeStatus.Completed)
        {
            throw new InvalidOperationException(
                $"Instance {record.InstanceId} ended {record.RuntimeStatus}: {record.FailureDetails?.ErrorType} {record.FailureDetails?.ErrorMessage}");
        }
    }
}
