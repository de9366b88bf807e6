namespace Fractal.Domain.Analyses;

/// <summary>Checks shared by the analyses that split into a plan, per-group kernels and a combine step.</summary>
internal static class PlanChecks
{
    /// <summary>Throws unless there is exactly one result (statistics, curve) per planned group.</summary>
    /// <exception cref="ArgumentException">The counts differ.</exception>
    public static void RequireOnePerGroup(int groupCount, int statisticsCount, string parameterName, string what = "statistics")
    {
        if (statisticsCount != groupCount)
        {
            throw new ArgumentException($"The plan has {groupCount} groups but {statisticsCount} {what} were given.", parameterName);
        }
    }
}
