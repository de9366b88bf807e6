namespace Fractal.Durable.Backends.AzureStorage;

/// <summary>Converts the engine's time spans to what Azure Storage queues accept: whole seconds, at most seven days.</summary>
internal static class QueueTimeouts
{
    /// <summary>Messages never expire on their own: the engine deletes them.</summary>
    public static TimeSpan NeverExpire { get; } = TimeSpan.FromSeconds(-1);

    private static TimeSpan Longest { get; } = TimeSpan.FromDays(7) - TimeSpan.FromMinutes(1);

    /// <summary>A delay before a message becomes visible: zero, or rounded up to a whole second.</summary>
    public static TimeSpan Delay(TimeSpan delay) =>
        delay <= TimeSpan.Zero ? TimeSpan.Zero : RoundUp(delay);

    /// <summary>How long a received message stays hidden: at least one second.</summary>
    public static TimeSpan Visibility(TimeSpan visibility) =>
        visibility <= TimeSpan.FromSeconds(1) ? TimeSpan.FromSeconds(1) : RoundUp(visibility);

    private static TimeSpan RoundUp(TimeSpan value)
    {
        var seconds = TimeSpan.FromSeconds(Math.Ceiling(value.TotalSeconds));
        return seconds > Longest ? Longest : seconds;
    }
}
