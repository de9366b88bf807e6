namespace Fractal.Durable.Engine;

/// <summary>How long an idle poller waits: doubling from a few milliseconds up to a maximum, reset by work.</summary>
internal sealed class PollingBackoff
{
    private static readonly TimeSpan s_first = TimeSpan.FromMilliseconds(10);
    private readonly TimeSpan _max;
    private TimeSpan _next = s_first;

    public PollingBackoff(TimeSpan max)
    {
        _max = max;
    }

    public TimeSpan Next()
    {
        var wait = _next;
        _next = TimeSpan.FromTicks(Math.Min(_next.Ticks * 2, _max.Ticks));
        return wait;
    }

    public void Reset() => _next = s_first;
}
