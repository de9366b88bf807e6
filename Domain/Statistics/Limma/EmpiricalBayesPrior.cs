namespace Fractal.Domain.Statistics.Limma;

/// <summary>
/// What limma's <c>eBayes</c> estimates across all features before it moderates any one of them: the prior
/// variance <c>s2.prior</c> and degrees of freedom <c>df.prior</c> of the residual variances (<c>squeezeVar</c>),
/// the pooled residual degrees of freedom, and per contrast the prior variance of a non-zero coefficient
/// (<c>var.prior</c>, from the top <see cref="Proportion"/> of moderated t-statistics).
/// </summary>
public sealed record EmpiricalBayesPrior(double S2Prior, double DfPrior, double DfPooled, double[] VarPrior, double Proportion)
{
    /// <summary>limma's default proportion of differentially expressed features.</summary>
    public const double DefaultProportion = 0.01;

    private const double StdevCoefLower = 0.1;
    private const double StdevCoefUpper = 4.0;

    /// <summary>
    /// Estimates the prior from the fits of every chunk of features (the order of chunks and features does not matter
    /// beyond rounding). Throws <see cref="ArgumentException"/> when no feature has residual degrees of freedom or
    /// a finite residual standard deviation, as limma stops.
    /// </summary>
    public static EmpiricalBayesPrior Estimate(IReadOnlyList<LinearFit> fits, double proportion = DefaultProportion)
    {
        ArgumentNullException.ThrowIfNull(fits);
        if (fits.Count == 0)
        {
            throw new ArgumentException("There are no features to estimate a prior from.", nameof(fits));
        }

        var contrastCount = fits[0].ContrastCount;
        var total = 0;
        foreach (var fit in fits)
        {
            if (fit.ContrastCount != contrastCount)
            {
                throw new ArgumentException("The fits come from different models.", nameof(fits));
            }

            total += fit.FeatureCount;
        }

        var variances = new double[total];
        var df = new double[total];
        var offset = 0;
        var maxDf = 0.0;
        var anyFiniteSigma = false;
        var dfPooled = 0.0;
        foreach (var fit in fits)
        {
            for (var f = 0; f < fit.FeatureCount; f++)
            {
                var sigma = fit.Sigma[f];
                anyFiniteSigma |= double.IsFinite(sigma);
                df[offset] = fit.DfResidual[f];
                maxDf = Math.Max(maxDf, df[offset]);
                dfPooled += double.IsNaN(df[offset]) ? 0 : df[offset];
                variances[offset] = total > 1 && df[offset] == 0 ? 0 : sigma * sigma;
                offset++;
            }
        }

        if (maxDf == 0)
        {
            throw new ArgumentException("No residual degrees of freedom in the linear model fits: every group needs more values than one.", nameof(fits));
        }

        if (!anyFiniteSigma)
        {
            throw new ArgumentException("No finite residual standard deviations.", nameof(fits));
        }

        var (s2Prior, dfPrior) = VariancePrior.Fit(variances, df);
        if (double.IsNaN(dfPrior))
        {
            throw new ArgumentException("Could not estimate the prior degrees of freedom.", nameof(fits));
        }

        var partial = new EmpiricalBayesPrior(s2Prior, dfPrior, dfPooled, new double[contrastCount], proportion);
        var varPrior = new double[contrastCount];
        var lower = StdevCoefLower * StdevCoefLower / s2Prior;
        var upper = StdevCoefUpper * StdevCoefUpper / s2Prior;
        for (var k = 0; k < contrastCount; k++)
        {
            var t = new double[total];
            var stdev = new double[total];
            var dfTotal = new double[total];
            var index = 0;
            foreach (var fit in fits)
            {
                for (var f = 0; f < fit.FeatureCount; f++)
                {
                    var s2Post = partial.PosteriorVariance(fit.Sigma[f], fit.DfResidual[f]);
                    var cell = (f * contrastCount) + k;
                    stdev[index] = fit.StdevUnscaled[cell];
                    t[index] = fit.Coefficients[cell] / fit.StdevUnscaled[cell] / Math.Sqrt(s2Post);
                    dfTotal[index] = partial.TotalDf(fit.DfResidual[f]);
                    index++;
                }
            }

            var estimate = TMixture.EstimateVariance(t, stdev, dfTotal, proportion, lower, upper);
            varPrior[k] = double.IsNaN(estimate) ? 1 / s2Prior : estimate;
        }

        return partial with { VarPrior = varPrior };
    }

    /// <summary>The squeezed (posterior) residual variance <c>s2.post</c> of a feature.</summary>
    public double PosteriorVariance(double sigma, double dfResidual)
    {
        var variance = dfResidual == 0 ? 0 : sigma * sigma;
        if (double.IsPositiveInfinity(DfPrior))
        {
            return S2Prior;
        }

        return ((dfResidual * variance) + (DfPrior * S2Prior)) / (dfResidual + DfPrior);
    }

    /// <summary>The moderated t's degrees of freedom <c>df.total</c>: residual plus prior, at most the pooled.</summary>
    public double TotalDf(double dfResidual) => Math.Min(dfResidual + DfPrior, DfPooled);
}
