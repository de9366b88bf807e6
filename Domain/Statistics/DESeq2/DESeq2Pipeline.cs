using MathNet.Numerics.Distributions;

namespace Fractal.Domain.Statistics.DESeq2;

/// <summary>
/// DESeq2 1.38 as Fractalis runs it: <c>DESeq(DESeqDataSetFromMatrix(counts, colData, ~ condition))</c> and
/// <c>results()</c> with its defaults. That is median-of-ratios size factors; gene-wise dispersions with the Cox–Reid
/// adjustment; the parametric trend; maximum a posteriori dispersions; a Wald test of the maximum likelihood fold
/// change of the last group against the first; Cook's distance outliers (p-value NA, or, in groups of seven or more
/// samples, the counts replaced by the trimmed mean and the gene refitted); independent filtering on the base mean
/// with Benjamini–Hochberg at α = 0.1.
/// </summary>
public static class DESeq2Pipeline
{
    private const double MinDispersion = 1e-8;
    private const double OutlierSD = 2;
    private const int MinReplicatesForReplace = 7;
    private const double ReplaceTrim = 0.2;

    /// <summary>Tests every gene of <paramref name="counts"/> (gene × sample, non-negative whole numbers).</summary>
    /// <param name="counts">The counts, one row per gene, one value per sample.</param>
    /// <param name="groups">Each sample's group, 0 … k−1; the test compares group k−1 with group 0.</param>
    /// <exception cref="ArgumentException">
    /// A count that is negative, fractional or missing; fewer than two groups; no replicates (as many samples as
    /// groups); every gene with a zero somewhere; or dispersions too small to fit a trend to.
    /// </exception>
    public static DESeq2Table Run(IReadOnlyList<double[]> counts, IReadOnlyList<int> groups)
    {
        ArgumentNullException.ThrowIfNull(counts);
        ArgumentNullException.ThrowIfNull(groups);
        var design = new GroupDesign(groups);
        CheckCounts(counts, design.Samples);
        if (design.ResidualDegreesOfFreedom <= 0)
        {
            throw new ArgumentException($"DESeq2 needs replicates: {design.Samples} samples in {design.GroupCount} groups leave no degree of freedom for the dispersion.", nameof(groups));
        }

        var sizeFactors = SizeFactors.MedianOfRatios(counts, design.Samples);
        var genes = counts.Select(row => new Gene(row, sizeFactors)).ToArray();
        var maxDispersion = Math.Max(10, design.Samples);

        var fitted = genes.Where(g => !g.AllZero).ToArray();
        foreach (var gene in fitted)
        {
            EstimateGeneWise(design, gene, sizeFactors, maxDispersion);
        }

        var trend = FitTrend(fitted);
        foreach (var gene in fitted)
        {
            gene.DispersionFit = trend(gene.BaseMean);
        }

        var residuals = fitted.Where(g => g.GeneWise >= MinDispersion * 100).Select(g => Math.Log(g.GeneWise) - Math.Log(g.DispersionFit)).ToArray();
        var varLogDispersions = DispersionPriorVariance.VarianceOfLogDispersions(residuals);
        var priorVariance = DispersionPriorVariance.Estimate(residuals, design.ResidualDegreesOfFreedom);
        foreach (var gene in fitted)
        {
            EstimateMap(design, gene, priorVariance, varLogDispersions, maxDispersion);
            Test(design, gene, sizeFactors);
        }

        if (Enumerable.Range(0, design.Samples).Any(j => design.InGroupOfAtLeast(j, MinReplicatesForReplace)))
        {
            ReplaceOutliers(design, fitted, sizeFactors, trend, priorVariance, varLogDispersions, maxDispersion);
        }

        return Results(design, genes);
    }

    private static void CheckCounts(IReadOnlyList<double[]> counts, int samples)
    {
        foreach (var row in counts)
        {
            if (row.Length != samples)
            {
                throw new ArgumentException($"Every gene needs one count per sample ({samples}).", nameof(counts));
            }

            foreach (var value in row)
            {
                if (!(value >= 0) || Math.Floor(value) != value || double.IsInfinity(value))
                {
                    throw new ArgumentException($"DESeq2 tests counts: non-negative whole numbers, with none missing; {value} is not one.", nameof(counts));
                }
            }
        }
    }

    /// <summary><c>estimateDispersionsGeneEst</c>: the adjusted maximum likelihood dispersion at the group means.</summary>
    private static void EstimateGeneWise(GroupDesign design, Gene gene, double[] sizeFactors, double maxDispersion)
    {
        var m = design.Samples;
        var groupMeans = design.GroupMeans(gene.Normalized);
        var rough = 0.0;
        for (var j = 0; j < m; j++)
        {
            var mu = Math.Max(1, groupMeans[j]);
            rough += (((gene.Normalized[j] - mu) * (gene.Normalized[j] - mu)) - mu) / (mu * mu);
        }

        rough = Math.Max(rough / design.ResidualDegreesOfFreedom, 0);
        var xim = sizeFactors.Average(s => 1 / s);
        var moments = (gene.BaseVariance - (xim * gene.BaseMean)) / (gene.BaseMean * gene.BaseMean);
        var initial = Math.Min(Math.Max(MinDispersion, Math.Min(rough, moments)), maxDispersion);

        gene.Mu = new double[m];
        for (var j = 0; j < m; j++)
        {
            gene.Mu[j] = Math.Max(groupMeans[j] * sizeFactors[j], 0.5);
        }

        var likelihood = new DispersionLikelihood(design, gene.Counts, gene.Mu, priorMean: null, priorVariance: 1);
        var search = likelihood.LineSearch(Math.Log(initial), Math.Log(MinDispersion / 10));
        var estimate = Math.Min(Math.Exp(search.LogAlpha), maxDispersion);
        if (search.LastLogPosterior < search.InitialLogPosterior + (Math.Abs(search.InitialLogPosterior) / 1e6))
        {
            estimate = initial;
        }

        var converged = search.Iterations < DispersionLikelihood.MaxIterations && search.Iterations != 1;
        if (!converged && estimate > MinDispersion * 10)
        {
            estimate = Math.Exp(likelihood.GridSearch());
        }

        gene.GeneWise = Math.Min(Math.Max(estimate, MinDispersion), maxDispersion);
    }

    /// <summary>The parametric trend, or, where it cannot be fitted, the mean of the gene-wise estimates above 1e-7.</summary>
    private static Func<double, double> FitTrend(Gene[] genes)
    {
        var usable = genes.Where(g => g.GeneWise > 100 * MinDispersion).ToArray();
        if (usable.Length == 0)
        {
            throw new ArgumentException("Every gene-wise dispersion estimate is within two orders of magnitude of the minimum (1e-8), so DESeq2 cannot fit a dispersion trend; the counts may not be counts.");
        }

        var trend = DispersionTrend.Fit([.. usable.Select(g => g.BaseMean)], [.. usable.Select(g => g.GeneWise)]);
        if (trend is not null)
        {
            return trend.At;
        }

        var mean = genes.Where(g => g.GeneWise > 10 * MinDispersion).Select(g => g.GeneWise).Average();
        return _ => mean;
    }

    /// <summary><c>estimateDispersionsMAP</c>: the dispersion shrunk toward the trend, or the gene-wise one for an outlier.</summary>
    private static void EstimateMap(GroupDesign design, Gene gene, double priorVariance, double varLogDispersions, double maxDispersion)
    {
        var initial = gene.GeneWise > 0.1 * gene.DispersionFit ? gene.GeneWise : gene.DispersionFit;
        var likelihood = new DispersionLikelihood(design, gene.Counts, gene.Mu!, Math.Log(gene.DispersionFit), priorVariance);
        var search = likelihood.LineSearch(Math.Log(initial), Math.Log(MinDispersion / 10));
        var map = search.Iterations < DispersionLikelihood.MaxIterations ? Math.Exp(search.LogAlpha) : Math.Exp(likelihood.GridSearch());
        map = Math.Min(Math.Max(map, MinDispersion), maxDispersion);
        var outlier = Math.Log(gene.GeneWise) > Math.Log(gene.DispersionFit) + (OutlierSD * Math.Sqrt(varLogDispersions));
        gene.Dispersion = outlier ? gene.GeneWise : map;
    }

    /// <summary><c>nbinomWaldTest</c>: the GLM at the final dispersion, and the Cook's distances of its samples.</summary>
    private static void Test(GroupDesign design, Gene gene, double[] sizeFactors)
    {
        gene.Fit = NegativeBinomialGlm.Fit(design, gene.Counts, sizeFactors, gene.Dispersion);
        gene.Cooks = CooksDistance.Compute(design, gene.Counts, gene.Normalized, gene.Fit);
        gene.MaxCooks = CooksDistance.Max(design, gene.Cooks);
    }

    /// <summary>
    /// <c>refitWithoutOutliers</c>: in groups of seven or more samples, a count whose Cook's distance passes the cutoff
    /// is replaced by the gene's 20% trimmed mean of normalized counts times the sample's size factor, the gene is
    /// refitted with the trend and prior kept, and, once any gene was refitted, the largest distance of every gene is
    /// taken over the other samples only.
    /// </summary>
    private static void ReplaceOutliers(GroupDesign design, Gene[] genes, double[] sizeFactors, Func<double, double> trend, double priorVariance, double varLogDispersions, double maxDispersion)
    {
        var cutoff = CooksCutoff(design);
        bool Replaceable(int sample) => design.InGroupOfAtLeast(sample, MinReplicatesForReplace);
        var allReplaceable = Enumerable.Range(0, design.Samples).All(Replaceable);
        var refitted = false;
        foreach (var gene in genes)
        {
            var originalCooks = gene.Cooks!;
            if (originalCooks.Any(c => c > cutoff))
            {
                gene.Replaced = true;
                var trimmed = CooksDistance.TrimmedMean(gene.Normalized, ReplaceTrim);
                var replaced = (double[])gene.Counts.Clone();
                for (var j = 0; j < design.Samples; j++)
                {
                    if (originalCooks[j] > cutoff && Replaceable(j))
                    {
                        replaced[j] = Math.Truncate(trimmed * sizeFactors[j]);
                    }
                }

                var refit = new Gene(replaced, sizeFactors);
                gene.BaseMean = refit.BaseMean;
                if (refit.AllZero)
                {
                    gene.Fit = null;
                }
                else
                {
                    EstimateGeneWise(design, refit, sizeFactors, maxDispersion);
                    refit.DispersionFit = trend(refit.BaseMean);
                    EstimateMap(design, refit, priorVariance, varLogDispersions, maxDispersion);
                    Test(design, refit, sizeFactors);
                    gene.Fit = refit.Fit;
                    refitted = true;
                }
            }
        }

        if (refitted)
        {
            foreach (var gene in genes)
            {
                gene.MaxCooks = allReplaceable ? double.NaN : CooksDistance.Max(design, gene.Cooks!, j => !Replaceable(j));
            }
        }
    }

    private static double CooksCutoff(GroupDesign design) => FisherSnedecor.InvCDF(design.Columns, design.ResidualDegreesOfFreedom, 0.99);

    /// <summary><c>results()</c>: the last coefficient's Wald test, Cook's outliers' p-values removed, independent filtering.</summary>
    private static DESeq2Table Results(GroupDesign design, Gene[] genes)
    {
        var n = genes.Length;
        var last = design.Columns - 1;
        var baseMean = new double[n];
        var lfc = new double[n];
        var se = new double[n];
        var stat = new double[n];
        var p = new double[n];
        var converged = new bool[n];
        var cutoff = CooksCutoff(design);
        for (var i = 0; i < n; i++)
        {
            var gene = genes[i];
            baseMean[i] = gene.BaseMean;
            converged[i] = gene.Fit?.Converged ?? true;
            if (gene.Replaced && gene.BaseMean == 0)
            {
                (lfc[i], se[i], stat[i], p[i]) = (0, 0, 0, 1);
                continue;
            }

            if (gene.Fit is null)
            {
                lfc[i] = se[i] = stat[i] = p[i] = double.NaN;
                continue;
            }

            var standardError = Math.Sqrt(Math.Max(gene.Fit.BetaVariance[last], 0));
            lfc[i] = gene.Fit.Beta[last] / Math.Log(2);
            se[i] = standardError / Math.Log(2);
            stat[i] = gene.Fit.Beta[last] / standardError;
            p[i] = 2 * Normal.CDF(0, 1, -Math.Abs(stat[i]));
            if (gene.MaxCooks > cutoff && !(design.GroupCount == 2 && HasThreeLargerCounts(gene)))
            {
                p[i] = double.NaN;
            }
        }

        var padj = IndependentFiltering.Adjust(baseMean, p).AdjustedPValues;
        return new DESeq2Table(baseMean, lfc, se, stat, p, padj, converged);
    }

    /// <summary>Whether three or more samples have a larger count than the sample with the largest Cook's distance.</summary>
    private static bool HasThreeLargerCounts(Gene gene)
    {
        var cooks = gene.Cooks!;
        var worst = 0;
        for (var j = 1; j < cooks.Length; j++)
        {
            if (cooks[j] > cooks[worst])
            {
                worst = j;
            }
        }

        return gene.Counts.Count(c => c > gene.Counts[worst]) >= 3;
    }

    /// <summary>One gene's counts and what the steps estimate for it.</summary>
    private sealed class Gene
    {
        public Gene(double[] counts, double[] sizeFactors)
        {
            Counts = counts;
            Normalized = new double[counts.Length];
            for (var j = 0; j < counts.Length; j++)
            {
                Normalized[j] = counts[j] / sizeFactors[j];
            }

            BaseMean = Normalized.Average();
            BaseVariance = Normalized.Length > 1 ? Normalized.Sum(v => (v - BaseMean) * (v - BaseMean)) / (Normalized.Length - 1) : double.NaN;
            AllZero = counts.All(c => c == 0);
        }

        public double[] Counts { get; }

        public double[] Normalized { get; }

        public double BaseMean { get; set; }

        public double BaseVariance { get; }

        public bool AllZero { get; }

        public double[]? Mu { get; set; }

        public double GeneWise { get; set; }

        public double DispersionFit { get; set; }

        public double Dispersion { get; set; }

        public NegativeBinomialFit? Fit { get; set; }

        public double[]? Cooks { get; set; }

        public double MaxCooks { get; set; } = double.NaN;

        public bool Replaced { get; set; }
    }
}
