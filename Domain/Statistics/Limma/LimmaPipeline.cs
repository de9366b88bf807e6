namespace Fractal.Domain.Statistics.Limma;

/// <summary>
/// limma's differential expression in one call: <c>lmFit</c> on a <see cref="CellMeansModel"/>, <c>contrasts.fit</c>
/// of every pair of groups, <c>eBayes</c> and <c>topTable(number = Inf, sort = "none")</c>. The steps are public
/// so that work can be split into chunks of features: <see cref="LinearModel.Fit"/> per chunk, then
/// <see cref="EmpiricalBayesPrior.Estimate"/> over all fits, then <see cref="ModeratedStatistics.Compute"/> per chunk,
/// then <see cref="LimmaTable.Assemble"/>; the result does not depend on how the features were chunked.
/// </summary>
public static class LimmaPipeline
{
    /// <summary>The top table of <paramref name="rows"/> (one per feature, one value per sample column, NaN for missing).</summary>
    public static LimmaTable TopTable(CellMeansModel model, IReadOnlyList<double[]> rows)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(rows);
        var fit = LinearModel.Fit(model, rows);
        var prior = EmpiricalBayesPrior.Estimate([fit]);
        return LimmaTable.Assemble(model, [ModeratedStatistics.Compute(model, fit, prior)]);
    }
}
