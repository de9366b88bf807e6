namespace Fractal.Domain.Statistics.Correlation;

/// <summary>Checks and reasons shared by the correlation estimators.</summary>
internal static class CorrelationInput
{
    public const string ConstantInput = "An input is constant; the correlation coefficient is not defined.";

    public static void Check(IReadOnlyList<double> x, IReadOnlyList<double> y)
    {
        ArgumentNullException.ThrowIfNull(x);
        ArgumentNullException.ThrowIfNull(y);
        if (x.Count != y.Count)
        {
            throw new ArgumentException($"x has {x.Count} values and y {y.Count}; they must pair up.", nameof(y));
        }
    }

    /// <summary>
    /// Checks that the samples pair up; the undefined estimate when there are fewer than two points or a sample is
    /// constant (no coefficient is defined), else null.
    /// </summary>
    public static CorrelationEstimate? Undefined(IReadOnlyList<double> x, IReadOnlyList<double> y)
    {
        Check(x, y);
        return x.Count < 2 ? CorrelationEstimate.Undefined(TooFewPoints(x.Count))
            : IsConstant(x) || IsConstant(y) ? CorrelationEstimate.Undefined(ConstantInput)
            : null;
    }

    public static string TooFewPoints(int n) => $"{n} point(s); a correlation needs at least 2.";

    public static bool IsConstant(IReadOnlyList<double> values)
    {
        for (var i = 1; i < values.Count; i++)
        {
            if (values[i] != values[0])
            {
                return false;
            }
        }

        return true;
    }
}
