namespace Fractal.Domain.Statistics.DESeq2;

/// <summary>
/// What DESeq2's independent filtering chose: the adjusted p-values of the chosen cut (NaN for rows
/// filtered out and for missing p-values), the filter value at that cut (DESeq2's
/// <c>metadata(res)$filterThreshold</c>) and its quantile (<c>filterTheta</c>), with the grid tried
/// (<c>filterNumRej</c>) and its lowess fit (<c>lo.fit$y</c>).
/// </summary>
/// <param name="AdjustedPValues">Benjamini–Hochberg adjusted p-values of the chosen cut, in input order (<c>res$padj</c>).</param>
/// <param name="FilterThreshold">The filter value of the chosen cut: rows whose filter is below it are filtered out.</param>
/// <param name="FilterTheta">The quantile of the filter that gives <paramref name="FilterThreshold"/>.</param>
/// <param name="Thetas">The quantiles tried, ascending.</param>
/// <param name="Rejections">How many adjusted p-values fall below alpha at each quantile tried.</param>
/// <param name="FittedRejections">The lowess fit of <paramref name="Rejections"/> on <paramref name="Thetas"/> (span 1/5).</param>
public sealed record IndependentFilteringResult(
    double[] AdjustedPValues,
    double FilterThreshold,
    double FilterTheta,
    double[] Thetas,
    int[] Rejections,
    double[] FittedRejections);
