using System.Globalization;
using Fractal.Durable.Engine;
using static System.FormattableString;

namespace Fractal.Bench.Engine;

/// <summary>Prints the benchmark's table: the storage ceiling, each backend's figures against the goals, the speed features' ratios and where the storage time went.</summary>
internal sealed class Report
{
    private const string Rule = "-----------------------------------------------------------------------------------------------------------";
    private readonly TextWriter _out;

    public Report(TextWriter output)
    {
        ArgumentNullException.ThrowIfNull(output);
        _out = output;
    }

    public void Header(BenchOptions options, DurableTaskOptions engine, TimeSpan elapsed)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(engine);
        _out.WriteLine(Rule);
        _out.WriteLine(Invariant($"Fractal engine benchmark, {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC, {Environment.ProcessorCount} cores, .NET {Environment.Version}, total {elapsed.TotalSeconds:F0} s"));
        _out.WriteLine("WARNING: this machine is shared with other work; the figures are noisy and only ratios within one run compare.");
        _out.WriteLine("one worker per task hub, in this process; the four Azurite hubs of 2-4 and 6 are measured side by side, one hello or fan-out at a time in turn.");
        _out.WriteLine(Invariant($"{engine.PartitionCount} partitions, maxQueuePollingInterval {engine.MaxQueuePollingInterval.TotalSeconds:F0} s, ")
            + Invariant($"maxConcurrentActivityFunctions {engine.MaxConcurrentActivityFunctions}, maxConcurrentOrchestratorFunctions {engine.MaxConcurrentOrchestratorFunctions}, ")
            + Invariant($"work-item batches of {engine.WorkItemBatchSize} calls / {engine.WorkItemBatchBytes / 1024} KB"));
        _out.WriteLine(Invariant($"hello = 3 chained activities, {options.Runs} sequential runs after 5 warm-ups; fan-out = {options.FanOut:N0} activities (i returns i, sum checked), median of 3 (one run for each feature switched off); ")
            + Invariant($"{options.Concurrent} hellos started at once. Times run from the start call to the engine's write of the completed row."));
        _out.WriteLine(Rule);
    }

    public void Ceiling(CeilingFigures ceiling)
    {
        ArgumentNullException.ThrowIfNull(ceiling);
        _out.WriteLine(Invariant($"1. Azurite ceiling, Azure SDK directly ({ceiling.QueueRoundTrip.Count} one at a time after warm-up; rates over 1,000)"));
        Row("   queue send+receive+delete round trip", Invariant($"p50 {ceiling.QueueRoundTrip.P50:F2} ms, p95 {ceiling.QueueRoundTrip.P95:F2} ms"), string.Empty, string.Empty, Goals.DtfxQueueRoundTrip);
        Row("   table upsert", Invariant($"p50 {ceiling.TableUpsert.P50:F2} ms, p95 {ceiling.TableUpsert.P95:F2} ms"), string.Empty, string.Empty, string.Empty);
        Row("   queue sends / deletes, 32 in flight", Invariant($"{ceiling.QueueSendsPerSecond:F0} / {ceiling.QueueDeletesPerSecond:F0} per s"), string.Empty, string.Empty, "ARCHITECTURE.md: 500-800 /s");
        Row("   table upserts, 32 in flight", Invariant($"{ceiling.TableUpsertsPerSecond:F0} per s"), string.Empty, string.Empty, "ARCHITECTURE.md: 2,000-2,700 /s");
        _out.WriteLine(Invariant($"   -> a hello's 4 control-queue trips and 4 history appends alone take ~{(4 * ceiling.QueueRoundTrip.P50) + (4 * ceiling.TableUpsert.P50):F0} ms one after another;"));
        _out.WriteLine(Invariant($"      sending and deleting its 7 messages caps hellos at ~{ceiling.HelloWorkItemsPerSecondBound:F0} work items/s on these queues"));
        _out.WriteLine(Rule);
    }

    public void Engine(string title, EngineFigures figures)
    {
        ArgumentNullException.ThrowIfNull(figures);
        _out.WriteLine(title);
        Row("   figure", "measured", "goal", "result", "for scale");
        Row("   hello p50 / p95", Invariant($"{figures.Hello.P50:F1} / {figures.Hello.P95:F1} ms"), "<= 25 ms", Goals.AtMost(figures.Hello.P50, Goals.HelloP50Milliseconds), Goals.DtfxHello);
        Row("   sequential activities/s (3 / p50)", Invariant($"{figures.SequentialActivitiesPerSecond:F0} /s"), ">= 120 /s", Goals.AtLeast(figures.SequentialActivitiesPerSecond, Goals.SequentialActivitiesPerSecond), Goals.DtfxSequential);
        var fanOutGoal = Goals.FanOutSecondsPerThousand * figures.FanOutCount / 1000;
        Row(Invariant($"   fan-out/fan-in of {figures.FanOutCount:N0}"), Invariant($"{figures.FanOut.TotalSeconds:F2} s"), Invariant($"<= {fanOutGoal:0.##} s"), Goals.AtMost(figures.FanOut.TotalSeconds, fanOutGoal), Goals.DtfxFanOut);
        Row("   fan-out activities/s", Invariant($"{figures.FanOutActivitiesPerSecond:F0} /s"), ">= 650 /s", Goals.AtLeast(figures.FanOutActivitiesPerSecond, Goals.FanOutActivitiesPerSecond), string.Empty);
        Row(Invariant($"   {figures.ConcurrentCount} hellos at once"), Invariant($"{figures.Concurrent.TotalSeconds:F2} s"), string.Empty, string.Empty, string.Empty);
        var each = figures.ConcurrentPerInstance;
        Row("     each one's start to end p50/p95/max", Invariant($"{each.P50 / 1000:F2} / {each.P95 / 1000:F2} / {each.Max / 1000:F2} s"), string.Empty, string.Empty, string.Empty);
        Row("   work items/s (7 per hello)", Invariant($"{figures.WorkItemsPerSecond:F0} /s"), ">= 1,000 /s", Goals.AtLeast(figures.WorkItemsPerSecond, Goals.WorkItemsPerSecond), Goals.DtfxWorkItems);
        _out.WriteLine(Rule);
    }

    public void Features(EngineFigures baseline, IReadOnlyList<EngineFigures> variants)
    {
        ArgumentNullException.ThrowIfNull(baseline);
        ArgumentNullException.ThrowIfNull(variants);
        _out.WriteLine("6. speed features on Azurite, each switched off alone (ratio = feature off / default; above 1 means the feature helps)");
        FeatureRow("   configuration", "hello p50", "fan-out", "hellos at once", "ratios: hello p50, fan-out, hellos at once");
        foreach (var figures in variants.Prepend(baseline))
        {
            var ratios = ReferenceEquals(figures, baseline) ? "1, 1, 1 (baseline)"
                : Invariant($"x{figures.Hello.P50 / baseline.Hello.P50:F2}, x{figures.FanOut / baseline.FanOut:F2}, x{figures.Concurrent / baseline.Concurrent:F2}");
            FeatureRow("   " + figures.Label, Invariant($"{figures.Hello.P50:F1} ms"), Invariant($"{figures.FanOut.TotalSeconds:F2} s"), Invariant($"{figures.Concurrent.TotalSeconds:F2} s"), ratios);
        }

        _out.WriteLine("   (a hello schedules one call per step, so WorkItemBatchSize cannot change it: that row's hello ratios show this run's noise;");
        _out.WriteLine("    hellos and fan-outs are interleaved across the four hubs, but each burst of hellos at once runs alone, so its ratio also carries the load's drift)");

        _out.WriteLine(Rule);
    }

    public void Operations(EngineFigures figures)
    {
        ArgumentNullException.ThrowIfNull(figures);
        _out.WriteLine(Invariant($"where the storage time went ({figures.Label}): operations per instance, mean ms each, summed seconds (concurrent operations overlap)"));
        foreach (var scenario in figures.Operations)
        {
            var parts = scenario.Operations.Select(o => Invariant($"{o.Kind} {(double)o.Count / scenario.Instances:0.#} x {o.MeanMilliseconds:F1} ms = {o.Total.TotalSeconds:F1} s"));
            _out.WriteLine(Invariant($"   {scenario.Scenario} (per instance, {scenario.Instances} instances):"));
            foreach (var part in parts)
            {
                _out.WriteLine("      " + part);
            }
        }

        _out.WriteLine(Rule);
    }

    public void Trace(string label, IReadOnlyList<TracedOperation> trace)
    {
        ArgumentNullException.ThrowIfNull(trace);
        _out.WriteLine(Invariant($"one hello traced ({label}): start offset, duration, operation"));
        foreach (var operation in trace)
        {
            _out.WriteLine(Invariant($"   {operation.Offset.TotalMilliseconds,8:F1} ms  {operation.Duration.TotalMilliseconds,6:F1} ms  {operation.Kind}"));
        }

        _out.WriteLine(Rule);
    }

    private void Row(string name, string measured, string goal, string result, string scale) =>
        _out.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{name,-40} {measured,-28} {goal,-12} {result,-11} {scale}"));

    private void FeatureRow(string name, string hello, string fanOut, string concurrent, string ratios) =>
        _out.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{name,-40} {hello,-11} {fanOut,-9} {concurrent,-15} {ratios}"));
}
