namespace Fractal.Domain.Statistics.Correlation;

/// <summary>A correlation coefficient and its two-sided p-value; NaN with a <see cref="Reason"/> when undefined.</summary>
public sealed record CorrelationEstimate(double Coefficient, double PValue, string? Reason = null)
{
    /// <summary>An undefined estimate: both values NaN.</summary>
    public static CorrelationEstimate Undefined(string reason) => new(double.NaN, double.NaN, reason);
}
