namespace Fractal.Domain.Statistics.Survival;

/// <summary>
/// Subjects summarised at each distinct time (event or censoring), ascending: how many are at risk
/// just before it, how many have the event and how many are censored at it.
/// </summary>
public sealed class EventTable
{
    private EventTable(double[] times, int[] atRisk, int[] events, int[] censored)
    {
        Times = times;
        AtRisk = atRisk;
        Events = events;
        Censored = censored;
    }

    public IReadOnlyList<double> Times { get; }

    public IReadOnlyList<int> AtRisk { get; }

    public IReadOnlyList<int> Events { get; }

    public IReadOnlyList<int> Censored { get; }

    /// <summary>Tabulates subjects; <paramref name="events"/>[i] tells whether subject i had the event (else censored).</summary>
    /// <exception cref="ArgumentException">The lists differ in length, or a time is not finite.</exception>
    public static EventTable Build(IReadOnlyList<double> times, IReadOnlyList<bool> events)
    {
        ArgumentNullException.ThrowIfNull(times);
        ArgumentNullException.ThrowIfNull(events);
        if (times.Count != events.Count)
        {
            throw new ArgumentException($"{times.Count} times and {events.Count} event flags; they must pair up.", nameof(events));
        }

        if (times.Any(time => !double.IsFinite(time)))
        {
            throw new ArgumentException("Every time must be a finite number.", nameof(times));
        }

        var distinct = times.Distinct().Order().ToArray();
        var index = new Dictionary<double, int>();
        for (var i = 0; i < distinct.Length; i++)
        {
            index.Add(distinct[i], i);
        }

        var eventCounts = new int[distinct.Length];
        var censoredCounts = new int[distinct.Length];
        for (var i = 0; i < times.Count; i++)
        {
            if (events[i])
            {
                eventCounts[index[times[i]]]++;
            }
            else
            {
                censoredCounts[index[times[i]]]++;
            }
        }

        var atRisk = new int[distinct.Length];
        var remaining = times.Count;
        for (var i = 0; i < distinct.Length; i++)
        {
            atRisk[i] = remaining;
            remaining -= eventCounts[i] + censoredCounts[i];
        }

        return new EventTable(distinct, atRisk, eventCounts, censoredCounts);
    }
}
