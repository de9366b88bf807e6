using System.Diagnostics;
using Fractal.Durable;
using Fractal.Durable.Backends;

namespace Fractal.Bench.Engine;

/// <summary>
/// The three engine scenarios on one hub: sequential hellos (latency), wide fan-outs/fan-ins (the
/// median counts), and many hellos started at once (throughput). Every output is checked.
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

    /// <summary>Warms the hub up, then runs the three scenarios, <paramref name="fanOutRepeats"/> fan-outs of which the median counts.</summary>
    public async Task<EngineFigures> RunAsync(string label, BenchHub hub, int fanOutRepeats, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(hub);
        await WarmUpAsync(hub, cancellationToken);
        hub.Log.TakeSummary();

        var hello = await MeasureHelloAsync(hub, cancellationToken);
        var helloOperations = new ScenarioOperations("hello", hello.Count, hub.Log.TakeSummary());

        var fanOut = await MeasureFanOutAsync(hub, fanOutRepeats, cancellationToken);
        var fanOutOperations = new ScenarioOperations($"fan-out {_options.FanOut:N0}", fanOutRepeats, hub.Log.TakeSummary());

        var concurrent = await MeasureConcurrentAsync(hub, cancellationToken);
        var concurrentOperations = new ScenarioOperations($"{_options.Concurrent} hellos at once", _options.Concurrent, hub.Log.TakeSummary());

        return new EngineFigures(label, hello, _options.FanOut, fanOut, _options.Concurrent, concurrent.Total, concurrent.PerInstance, [helloOperations, fanOutOperations, concurrentOperations]);
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

    private async Task<Latencies> MeasureHelloAsync(BenchHub hub, CancellationToken cancellationToken)
    {
        var latencies = new Latencies();
        for (var i = 0; i < _options.Runs; i++)
        {
            var (elapsed, record) = await hub.RunAsync(BenchFunctions.Hello, null, s_helloTimeout, cancellationToken);
            CheckHello(hub.Converter, record);
            latencies.Add(elapsed);
        }

        return latencies;
    }

    private async Task<TimeSpan> MeasureFanOutAsync(BenchHub hub, int repeats, CancellationToken cancellationToken)
    {
        var runs = new List<TimeSpan>();
        for (var i = 0; i < repeats; i++)
        {
            var (elapsed, record) = await hub.RunAsync(BenchFunctions.FanOut, _options.FanOut, s_bulkTimeout, cancellationToken);
            CheckFanOut(hub.Converter, record, _options.FanOut);
            runs.Add(elapsed);
        }

        return runs.Order().ElementAt(repeats / 2);
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
