using MathNet.Numerics;

namespace Fractal.Domain.Statistics.DESeq2;

/// <summary>
/// DESeq2's objective for one gene's dispersion α at fixed means: the negative binomial log-likelihood with the
/// Cox–Reid adjustment −½ log det(X′WX), W = diag(1/(1/μ + α)), plus, for the MAP step, a normal prior on log α.
/// It is maximized over log α by a line search on the Armijo rule (<c>fitDisp</c>), or, where that does not
/// converge, on a grid (<c>fitDispGrid</c>).
/// </summary>
internal sealed class DispersionLikelihood
{
    public const int MaxIterations = 100;
    private const double Epsilon = 1e-4;
    private const double Kappa0 = 1.0;
    private const double Tolerance = 1e-6;
    private const double LowestLogAlpha = -30.0;
    private const double HighestLogAlpha = 10.0;

    private readonly GroupDesign _design;
    private readonly double[] _counts;
    private readonly double[] _mu;
    private readonly double _priorMean;
    private readonly double _priorVariance;
    private readonly bool _usePrior;

    /// <param name="design">The design.</param>
    /// <param name="counts">The gene's counts.</param>
    /// <param name="mu">The fitted means.</param>
    /// <param name="priorMean">The prior's mean of log α (MAP step), or null for the maximum likelihood.</param>
    /// <param name="priorVariance">The prior's variance of log α.</param>
    public DispersionLikelihood(GroupDesign design, double[] counts, double[] mu, double? priorMean, double priorVariance)
    {
        _design = design;
        _counts = counts;
        _mu = mu;
        _usePrior = priorMean is not null;
        _priorMean = priorMean ?? 0;
        _priorVariance = priorVariance;
    }

    /// <summary>The log posterior (or adjusted log-likelihood) at log α = <paramref name="logAlpha"/>.</summary>
    public double LogPosterior(double logAlpha)
    {
        var alpha = Math.Exp(logAlpha);
        var size = 1.0 / alpha;
        var w = new double[_mu.Length];
        var ll = 0.0;
        var lgammaSize = SpecialFunctions.GammaLn(size);
        for (var j = 0; j < _mu.Length; j++)
        {
            var y = _counts[j];
            var mu = _mu[j];
            ll += SpecialFunctions.GammaLn(y + size) - lgammaSize - (y * Math.Log(mu + size)) - (size * Math.Log(1.0 + (mu * alpha)));
            w[j] = 1.0 / ((1.0 / mu) + alpha);
        }

        var coxReid = -0.5 * SmallMatrix.LogDeterminant(_design.CrossProduct(w));
        var prior = _usePrior ? -0.5 * (logAlpha - _priorMean) * (logAlpha - _priorMean) / _priorVariance : 0.0;
        return ll + prior + coxReid;
    }

    /// <summary>The derivative of <see cref="LogPosterior"/> with respect to log α.</summary>
    public double Derivative(double logAlpha)
    {
        var alpha = Math.Exp(logAlpha);
        var size = 1.0 / alpha;
        var w = new double[_mu.Length];
        var dw = new double[_mu.Length];
        var sum = 0.0;
        var digammaSize = SpecialFunctions.DiGamma(size);
        for (var j = 0; j < _mu.Length; j++)
        {
            var y = _counts[j];
            var mu = _mu[j];
            sum += digammaSize + Math.Log(1 + (mu * alpha)) - (mu * alpha / (1.0 + (mu * alpha))) - SpecialFunctions.DiGamma(y + size) + (y / (mu + size));
            var inverse = (1.0 / mu) + alpha;
            w[j] = 1.0 / inverse;
            dw[j] = -1.0 / (inverse * inverse);
        }

        var b = _design.CrossProduct(w);
        var db = _design.CrossProduct(dw);
        var bInverse = SmallMatrix.Inverse(b);
        var trace = 0.0;
        for (var i = 0; i < b.GetLength(0); i++)
        {
            for (var k = 0; k < b.GetLength(0); k++)
            {
                trace += bInverse[i, k] * db[k, i];
            }
        }

        var ll = sum / (alpha * alpha);
        var coxReid = -0.5 * trace;
        var prior = _usePrior ? -(logAlpha - _priorMean) / _priorVariance : 0.0;
        return ((ll + coxReid) * alpha) + prior;
    }

    /// <summary>The line search from <paramref name="logAlpha"/>, stopping below <paramref name="lowestLogAlpha"/>.</summary>
    public DispersionSearch LineSearch(double logAlpha, double lowestLogAlpha)
    {
        var a = logAlpha;
        var lp = LogPosterior(a);
        var dlp = Derivative(a);
        var initial = lp;
        var kappa = Kappa0;
        var iterations = 0;
        var accepted = 0;
        for (var t = 0; t < MaxIterations; t++)
        {
            iterations++;
            var proposal = a + (kappa * dlp);
            if (proposal < LowestLogAlpha)
            {
                kappa = (LowestLogAlpha - a) / dlp;
            }

            if (proposal > HighestLogAlpha)
            {
                kappa = (HighestLogAlpha - a) / dlp;
            }

            var thetaKappa = -LogPosterior(a + (kappa * dlp));
            var thetaHatKappa = -lp - (kappa * Epsilon * dlp * dlp);
            if (thetaKappa <= thetaHatKappa)
            {
                accepted++;
                a += kappa * dlp;
                var lpNew = LogPosterior(a);
                var change = lpNew - lp;
                if (change < Tolerance)
                {
                    lp = lpNew;
                    break;
                }

                if (a < lowestLogAlpha)
                {
                    break;
                }

                lp = lpNew;
                dlp = Derivative(a);
                kappa = Math.Min(kappa * 1.1, Kappa0);
                if (accepted % 5 == 0)
                {
                    kappa /= 2.0;
                }
            }
            else
            {
                kappa /= 2.0;
            }
        }

        return new DispersionSearch(a, iterations, initial, lp);
    }

    /// <summary>
    /// The grid search: 20 points of log α from log 1e-8 to log max(10, samples), then 20 across the step around
    /// the best of them; the best of the fine grid.
    /// </summary>
    public double GridSearch()
    {
        const int points = 20;
        var lowest = Math.Log(1e-8);
        var highest = Math.Log(Math.Max(10, _design.Samples));
        var step = (highest - lowest) / (points - 1);
        var best = Best(Enumerable.Range(0, points).Select(i => lowest + (i * step)));
        return Best(Enumerable.Range(0, points).Select(i => best - step + (i * 2 * step / (points - 1))));
    }

    private double Best(IEnumerable<double> grid)
    {
        var best = double.NaN;
        var bestValue = double.NegativeInfinity;
        foreach (var a in grid)
        {
            var value = LogPosterior(a);
            if (value > bestValue || double.IsNaN(best))
            {
                best = a;
                bestValue = value;
            }
        }

        return best;
    }
}
