namespace Fractal.Domain.Statistics.Smoothing;

/// <summary>
/// A lowess fit as R's <c>stats::lowess</c> returns it: <see cref="X"/> is the input x sorted ascending
/// (a stable sort, so tied x keep their input order) and <see cref="Y"/> the fitted value at each of them,
/// in that same order.
/// </summary>
/// <param name="X">The x values sorted ascending, ties in input order (R's <c>$x</c>).</param>
/// <param name="Y">The smoothed y at each sorted x (R's <c>$y</c>).</param>
public sealed record LowessFit(double[] X, double[] Y);
