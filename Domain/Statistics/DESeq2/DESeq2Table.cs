namespace Fractal.Domain.Statistics.DESeq2;

/// <summary>
/// DESeq2's <c>results()</c> table, one entry per gene in input order, for the last group against the first. NaN is
/// R's NA: every column but <see cref="BaseMean"/> for a gene with no counts, <see cref="PValue"/> for a Cook's
/// outlier, <see cref="AdjustedPValue"/> also for a gene removed by independent filtering.
/// </summary>
/// <param name="BaseMean">The mean of the normalized counts over all samples.</param>
/// <param name="Log2FoldChange">The maximum likelihood log2 fold change, last group against the first.</param>
/// <param name="LfcStandardError">Its standard error.</param>
/// <param name="Stat">The Wald statistic.</param>
/// <param name="PValue">The Wald test's two-sided p-value.</param>
/// <param name="AdjustedPValue">The Benjamini–Hochberg adjusted p-value after independent filtering on the base mean.</param>
/// <param name="Converged">
/// Whether the GLM's iterations converged. Where they did not, DESeq2 refits the gene with R's <c>optim</c>
/// (L-BFGS-B), which is not reproduced: the gene keeps the last iterate, so its fold change, standard error,
/// statistic and p-value differ from DESeq2's.
/// </param>
public sealed record DESeq2Table(
    double[] BaseMean,
    double[] Log2FoldChange,
    double[] LfcStandardError,
    double[] Stat,
    double[] PValue,
    double[] AdjustedPValue,
    bool[] Converged);
