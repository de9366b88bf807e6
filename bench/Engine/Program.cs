using System.Diagnostics;
using Fractal.Bench.Engine;
using Microsoft.Extensions.Logging;

// Engine harness: the samples' hello and fan-out through the local host (LocalFunctionsHost in this process, the
// samples app's compiled functions on DTFx's Azure Storage provider) and on a bare DTFx TaskHubWorker under the same
// settings, in one run, under the default and a tuned host.json; prints the local host / bare DTFx ratios.
//   dotnet run -c Release --project bench/Engine -- [--runs 50] [--warmup 5] [--fanout 1000] [--fanout-runs 1] [--profile default|tuned|both]
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

using var stopping = new CancellationTokenSource();
Console.CancelKeyPress += (_, e) =>
{
    e.Cancel = true;
    stopping.Cancel();
};
using var loggerFactory = LoggerFactory.Create(logging => logging
    .SetMinimumLevel(LogLevel.Warning)
    .AddConsole(console => console.LogToStandardErrorThreshold = LogLevel.Trace));

var clock = Stopwatch.StartNew();
void Progress(string step) => Console.Error.WriteLine($"[bench] {clock.Elapsed:mm\\:ss} {step}");

var figures = new List<ProfileFigures>();
foreach (var profile in options.Profiles)
{
    Progress($"{profile.Name}: starting the local host and bare DTFx");
    figures.Add(await ProfileRun.MeasureAsync(profile, options, loggerFactory, Progress, stopping.Token));
}

Report.Write(Console.Out, options, figures, clock.Elapsed);
return 0;
