namespace Fractal.Bench.Engine;

/// <summary>
/// A <c>host.json</c> <c>extensions.durableTask</c> section to measure under: its settings as configuration keys
/// relative to that section (what the local host reads); the bare DTFx worker gets the same values.
/// </summary>
internal sealed record EngineProfile(string Name, string Description, IReadOnlyDictionary<string, string> DurableTask)
{
    /// <summary>Durable Functions' defaults: nothing set (4 partitions, 30 s polling ceiling, extended sessions off).</summary>
    public static EngineProfile Default { get; } = new("default", "Durable Functions' defaults (nothing set)", new Dictionary<string, string>());

    /// <summary>Tuned for one machine: short polling, extended sessions, two partitions.</summary>
    public static EngineProfile Tuned { get; } = new(
        "tuned",
        "maxQueuePollingInterval 00:00:00.250, extendedSessionsEnabled true, partitionCount 2",
        new Dictionary<string, string>
        {
            ["storageProvider:maxQueuePollingInterval"] = "00:00:00.250",
            ["storageProvider:partitionCount"] = "2",
            ["extendedSessionsEnabled"] = "true",
        });
}
