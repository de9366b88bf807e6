namespace Fractal.Domain.Statistics.Limma;

/// <summary>
/// limma's moderated statistics for a chunk of features, given the prior estimated across all features:
/// per feature and contrast (row-major) the moderated <see cref="T"/>, its <see cref="PValue"/> and the log-odds
/// <see cref="B"/>; per feature the moderated <see cref="F"/> over all contrasts and its <see cref="FPValue"/>.
/// </summary>
public sealed record ModeratedStatistics(
    int FeatureCount,
    int ContrastCount,
    double[] LogFC,
    double[] AveExpr,
    double[] T,
    double[] PValue,
    double[] B,
    double[] F,
    double[] FPValue,
    string?[] Problems)
{
    private const double InfiniteDfPrior = 1e6;

    /// <summary>Moderates the features of <paramref name="fit"/> with <paramref name="prior"/>, as <c>eBayes</c> does.</summary>
    public static ModeratedStatistics Compute(CellMeansModel model, LinearFit fit, EmpiricalBayesPrior prior)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(fit);
        ArgumentNullException.ThrowIfNull(prior);
        var contrasts = fit.ContrastCount;
        if (contrasts != model.Contrasts.Count || prior.VarPrior.Length != contrasts)
        {
            throw new ArgumentException("The fit, the prior and the model disagree on the contrasts.", nameof(fit));
        }

        var features = fit.FeatureCount;
        var t = new double[features * contrasts];
        var pValue = new double[features * contrasts];
        var b = new double[features * contrasts];
        var f = new double[features];
        var fPValue = new double[features];
        var logOddsPrior = Math.Log(prior.Proportion / (1 - prior.Proportion));
        var infiniteDf = prior.DfPrior > InfiniteDfPrior;
        var inverse = model.ContrastCorrelationInverse;
        var rank = model.ContrastRank;

        for (var feature = 0; feature < features; feature++)
        {
            var s2Post = prior.PosteriorVariance(fit.Sigma[feature], fit.DfResidual[feature]);
            var dfTotal = prior.TotalDf(fit.DfResidual[feature]);
            var row = feature * contrasts;
            for (var k = 0; k < contrasts; k++)
            {
                var stdev = fit.StdevUnscaled[row + k];
                var tk = fit.Coefficients[row + k] / stdev / Math.Sqrt(s2Post);
                t[row + k] = tk;
                pValue[row + k] = StudentTail.TwoSided(tk, dfTotal);
                var variance = stdev * stdev;
                var r = (variance + prior.VarPrior[k]) / variance;
                var t2 = tk * tk;
                var kernel = infiniteDf
                    ? t2 * (1 - (1 / r)) / 2
                    : (1 + dfTotal) / 2 * Math.Log((t2 + dfTotal) / ((t2 / r) + dfTotal));
                b[row + k] = logOddsPrior - (Math.Log(r) / 2) + kernel;
            }

            var quadratic = 0.0;
            for (var a = 0; a < contrasts; a++)
            {
                for (var c = 0; c < contrasts; c++)
                {
                    quadratic += t[row + a] * inverse[(a * contrasts) + c] * t[row + c];
                }
            }

            f[feature] = quadratic;
            fPValue[feature] = StudentTail.FisherUpper(quadratic, rank, prior.DfPrior + fit.DfResidual[feature]);
        }

        return new ModeratedStatistics(features, contrasts, fit.Coefficients, fit.AveExpr, t, pValue, b, f, fPValue, fit.Problems);
    }
}
