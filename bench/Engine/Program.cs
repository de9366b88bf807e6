using System.Diagnostics;
using Fractal.Bench.Engine;
using Fractal.Durable.Backends.AzureStorage;
using Fractal.Durable.Backends.InMemory;
using Fractal.Durable.Engine;
using Microsoft.Extensions.Logging;

// Engine harness: end-to-end latencies and throughput of the durable runtime with one worker in this
// process, on Azurite and in memory, beside the raw Azurite ceiling measured in the same run.
//   dotnet run -c Release --project bench/Engine -- [--backend azurite|memory|both] [--runs 200] [--fanout 1000] [--concurrent 300]
// FRACTAL_BENCH_TRACE=1 also prints one hello's storage operations step by step, and every
// configuration's operation counts.
BenchOptions options;
try
{
    options = BenchOptions.Parse(args);
}
catch (ArgumentException e)
{
    Console.Error.WriteLine(e.Message);
    return 2;
}

const int FullFanOuts = 3;
var tracing = Environment.GetEnvironmentVariable("FRACTAL_BENCH_TRACE") == "1";
using var stopping = new CancellationTokenSource();
Console.CancelKeyPress += (_, e) =>
{
    e.Cancel = true;
    stopping.Cancel();
};
using var loggerFactory = LoggerFactory.Create(logging => logging
    .SetMinimumLevel(LogLevel.Warning)
    .AddSimpleConsole(console => console.SingleLine = true)
    .AddConsole(console => console.LogToStandardErrorThreshold = LogLevel.Trace));

// As the app's host.json sets them; MaxQueuePollingInterval stays at its 1 s default.
var engine = new DurableTaskOptions { PartitionCount = 4, MaxConcurrentActivityFunctions = 64, MaxConcurrentOrchestratorFunctions = 16 };
var scenarios = new EngineScenarios(options);
var clock = Stopwatch.StartNew();
var output = new StringWriter();
var report = new Report(output);

async Task<IReadOnlyList<EngineFigures>> MeasureAsync(IReadOnlyList<(EngineConfiguration Configuration, int FanOutRepeats)> configurations)
{
    var targets = new List<BenchTarget>();
    try
    {
        foreach (var (configuration, fanOutRepeats) in configurations)
        {
            var hubName = $"bench{Guid.NewGuid():N}"[..20];
            var hub = await BenchHub.StartAsync(configuration.CreateBackend(hubName), configuration.Options with { HubName = hubName }, loggerFactory, stopping.Token);
            targets.Add(new BenchTarget(configuration.Label, hub, fanOutRepeats));
        }

        Console.Error.WriteLine($"[bench] {clock.Elapsed:mm\\:ss} {string.Join(", ", targets.Select(t => t.Label))} ...");
        var figures = await scenarios.RunAsync(targets, stopping.Token);
        if (tracing)
        {
            foreach (var target in targets)
            {
                report.Trace(target.Label, await EngineScenarios.TraceHelloAsync(target.Hub, stopping.Token));
            }
        }

        return figures;
    }
    finally
    {
        foreach (var target in targets)
        {
            await target.Hub.DisposeAsync();
        }
    }
}

EngineConfiguration OnAzurite(string label, DurableTaskOptions settings) =>
    new(label, hub => new AzureStorageTaskHubBackend(options.ConnectionString, hub, new AzureStorageBackendOptions { PartitionCount = settings.PartitionCount }), settings);

CeilingFigures? ceiling = null;
EngineFigures? azurite = null;
var variants = new List<EngineFigures>();
EngineFigures? memory = null;
if (options.Azurite)
{
    Console.Error.WriteLine($"[bench] {clock.Elapsed:mm\\:ss} Azurite ceiling ...");
    ceiling = await StorageCeiling.MeasureAsync(options.ConnectionString, 200, stopping.Token);

    // The four configurations run side by side, one hello or fan-out at a time in turn, so that the
    // machine's changing load falls on each alike; one fan-out each for the switched-off features
    // keeps the default invocation within about five minutes (without batches one takes ~20 s).
    var figures = await MeasureAsync(
    [
        (OnAzurite("azurite, default", engine), FullFanOuts),
        (OnAzurite("ExtendedSessionsEnabled=false", engine with { ExtendedSessionsEnabled = false }), 1),
        (OnAzurite("LocalFastPathEnabled=false", engine with { LocalFastPathEnabled = false }), 1),
        (OnAzurite("WorkItemBatchSize=1", engine with { WorkItemBatchSize = 1 }), 1),
    ]);
    azurite = figures[0];
    variants.AddRange(figures.Skip(1));
}

if (options.Memory)
{
    memory = (await MeasureAsync([(new EngineConfiguration("in memory, default", hub => new InMemoryTaskHubBackend(hub, engine.PartitionCount), engine), FullFanOuts)]))[0];
}

var table = new Report(Console.Out);
table.Header(options, engine, clock.Elapsed);
if (ceiling is not null)
{
    table.Ceiling(ceiling);
}

if (azurite is not null)
{
    table.Engine("2-4. Azurite, one worker, default options", azurite);
}

if (memory is not null)
{
    table.Engine("5. in memory, one worker, default options", memory);
}

if (azurite is not null)
{
    table.Features(azurite, variants);
    table.Operations(azurite);
    if (tracing)
    {
        foreach (var variant in variants)
        {
            table.Operations(variant);
        }
    }
}

if (memory is not null && tracing)
{
    table.Operations(memory);
}

Console.Write(output.ToString());
return 0;
