using System.Globalization;

namespace Fractal.Bench.Engine;

/// <summary>Prints the figures as a table: each measure for the local host and bare DTFx, and their ratio against the goal.</summary>
internal static class Report
{
    /// <summary>The most the local host may cost over bare DTFx.</summary>
    public const double GoalRatio = 1.10;

    public static void Write(TextWriter writer, BenchOptions options, IReadOnlyList<ProfileFigures> profiles, TimeSpan elapsed)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteLine(Invariant(
            $"Engine bench: local host vs bare DTFx (Azure Storage provider on {Describe(options.ConnectionString)}), {Environment.ProcessorCount} cores, {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC, {elapsed.TotalMinutes:F1} min"));
        writer.WriteLine(Invariant(
            $"hello = 3 activities in sequence, p50/p95 of {options.Runs} after {options.WarmUp} warm-ups; fan-out = {options.FanOut} activities, median of {options.FanOutRuns}; goal: local / bare <= {GoalRatio:F2}"));
        foreach (var profile in profiles)
        {
            var s = profile.Settings;
            writer.WriteLine();
            writer.WriteLine(Invariant($"host.json {profile.Profile.Name}: {profile.Profile.Description}"));
            writer.WriteLine(Invariant(
                $"  in force: partitionCount {s.PartitionCount}, maxQueuePollingInterval {s.MaxQueuePollingInterval:c}, extendedSessionsEnabled {s.ExtendedSessionsEnabled}, controlQueueBatchSize {s.ControlQueueBatchSize}, maxConcurrentActivityFunctions {s.MaxConcurrentActivityFunctions}, maxConcurrentOrchestratorFunctions {s.MaxConcurrentOrchestratorFunctions}"));
            writer.WriteLine("  measure                 local host     bare DTFx      ratio");
            Row(writer, "hello p50", profile.Local.HelloP50, profile.Bare.HelloP50);
            Row(writer, "hello p95", profile.Local.HelloP95, profile.Bare.HelloP95);
            Row(writer, Invariant($"fan-out {options.FanOut}"), profile.Local.FanOutMedian, profile.Bare.FanOutMedian);
        }
    }

    private static void Row(TextWriter writer, string measure, TimeSpan local, TimeSpan bare)
    {
        var ratio = local / bare;
        var verdict = ratio <= GoalRatio ? "ok" : "over goal";
        writer.WriteLine(Invariant($"  {measure,-22}  {Format(local),-13}  {Format(bare),-13}  {ratio,5:F2}  {verdict}"));
    }

    private static string Format(TimeSpan value) =>
        value < TimeSpan.FromSeconds(10) ? Invariant($"{value.TotalMilliseconds:F0} ms") : Invariant($"{value.TotalSeconds:F1} s");

    private static string Describe(string connectionString) =>
        connectionString.Contains("UseDevelopmentStorage", StringComparison.OrdinalIgnoreCase) ? "Azurite" : "the storage account in AzureWebJobsStorage";

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
