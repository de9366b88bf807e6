namespace Fractal.LocalHost.RabbitMQ;

/// <summary>
/// The RabbitMQ trigger's host settings, <c>host.json</c>'s <c>extensions.rabbitMQ</c> as the RabbitMQ extension reads it:
/// <c>prefetchCount</c>, the unacknowledged messages one consumer holds (default 30, 1–65535), which is also how many
/// invocations of a queue's function run at once.
/// </summary>
public sealed class RabbitMQHostOptions
{
    public const string Section = "AzureFunctionsJobHost:extensions:rabbitMQ";

    public const string PrefetchCountSetting = Section + ":prefetchCount";

    public const int DefaultPrefetchCount = 30;

    public int PrefetchCount { get; set; } = DefaultPrefetchCount;

    /// <summary>The first wait before connecting again after the broker went away; it doubles up to <see cref="MaxReconnectDelay"/>.</summary>
    public TimeSpan FirstReconnectDelay { get; set; } = TimeSpan.FromMilliseconds(500);

    public TimeSpan MaxReconnectDelay { get; set; } = TimeSpan.FromSeconds(15);
}
