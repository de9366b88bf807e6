namespace Fractal.Domain.Statistics.Survival;

/// <summary>
/// Times that differ only by floating-point noise made one time, as R's <c>survival</c> does before every
/// statistic (<c>aeqSurv</c>, with <c>all.equal</c>'s tolerance): among the distinct finite times in ascending
/// order, a time is tied to the one before it when their gap is at most <see cref="Tolerance"/>, or at most
/// <see cref="Tolerance"/> times the mean of the distinct times' magnitudes; each run of tied times becomes its
/// first (smallest) time.
/// </summary>
public static class NearTies
{
    /// <summary>The square root of the machine epsilon (2^-26, about 1.5e-8): R's default for <c>aeqSurv</c> and <c>all.equal</c>.</summary>
    public const double Tolerance = 1.0 / (1 << 26);

    /// <summary>
    /// <paramref name="times"/> with each time replaced by the first time of its tied run; the list itself when
    /// nothing is tied. Times that are not finite are left as they are.
    /// </summary>
    public static IReadOnlyList<double> Merge(IReadOnlyList<double> times)
    {
        ArgumentNullException.ThrowIfNull(times);
        var distinct = times.Where(double.IsFinite).Distinct().Order().ToArray();
        if (distinct.Length < 2)
        {
            return times;
        }

        var meanMagnitude = distinct.Average(Math.Abs);
        var first = new Dictionary<double, double>(distinct.Length) { [distinct[0]] = distinct[0] };
        var runStart = distinct[0];
        var tied = false;
        for (var i = 1; i < distinct.Length; i++)
        {
            var gap = distinct[i] - distinct[i - 1];
            if (gap <= Tolerance || gap / meanMagnitude <= Tolerance)
            {
                tied = true;
            }
            else
            {
                runStart = distinct[i];
            }

            first[distinct[i]] = runStart;
        }

        return tied ? [.. times.Select(time => first.TryGetValue(time, out var merged) ? merged : time)] : times;
    }
}
