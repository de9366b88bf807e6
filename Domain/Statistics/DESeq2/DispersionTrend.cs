namespace Fractal.Domain.Statistics.DESeq2;

/// <summary>
/// DESeq2's parametric dispersion trend α(μ) = a + b/μ (<c>parametricDispersionFit</c>): a gamma GLM with identity
/// link of the gene-wise estimates on 1/baseMean, refitted without the genes whose estimate is more than 15 times or
/// less than 1e-4 times the trend until the coefficients settle.
/// </summary>
internal sealed record DispersionTrend(double AsymptoticDispersion, double ExtraPoisson)
{
    private const int MaxRounds = 10;
    private const int MaxGlmIterations = 25;
    private const double GlmTolerance = 1e-8;

    /// <summary>The trend's dispersion at mean <paramref name="mean"/>.</summary>
    public double At(double mean) => AsymptoticDispersion + (ExtraPoisson / mean);

    /// <summary>The fit; null where R's fit fails (a coefficient not positive, or no convergence in ten rounds).</summary>
    public static DispersionTrend? Fit(IReadOnlyList<double> means, IReadOnlyList<double> dispersions)
    {
        ArgumentNullException.ThrowIfNull(means);
        ArgumentNullException.ThrowIfNull(dispersions);
        double[] coefficients = [0.1, 1.0];
        for (var round = 0; ; round++)
        {
            var x = new List<double>();
            var y = new List<double>();
            for (var i = 0; i < means.Count; i++)
            {
                var residual = dispersions[i] / (coefficients[0] + (coefficients[1] / means[i]));
                if (residual > 1e-4 && residual < 15)
                {
                    x.Add(1.0 / means[i]);
                    y.Add(dispersions[i]);
                }
            }

            var (next, converged) = GammaIdentityGlm(x, y, coefficients);
            if (next is null || !(next[0] > 0) || !(next[1] > 0))
            {
                return null;
            }

            var change = Math.Pow(Math.Log(next[0] / coefficients[0]), 2) + Math.Pow(Math.Log(next[1] / coefficients[1]), 2);
            coefficients = next;
            if (change < 1e-6 && converged)
            {
                return new DispersionTrend(coefficients[0], coefficients[1]);
            }

            if (round + 1 > MaxRounds)
            {
                return null;
            }
        }
    }

    /// <summary>R's <c>glm(y ~ x, family = Gamma(link = "identity"), start)</c> by IRLS, with its step halving.</summary>
    private static (double[]? Coefficients, bool Converged) GammaIdentityGlm(List<double> x, List<double> y, double[] start)
    {
        if (x.Count < 2)
        {
            return (null, false);
        }

        var coefficients = start;
        var mu = Predict(x, coefficients);
        if (mu.Any(m => !(m > 0)))
        {
            return (null, false);
        }

        var deviance = Deviance(y, mu);
        for (var iteration = 1; iteration <= MaxGlmIterations; iteration++)
        {
            double s0 = 0, s1 = 0, s11 = 0, sy = 0, s1y = 0;
            for (var i = 0; i < x.Count; i++)
            {
                var w = 1.0 / (mu[i] * mu[i]);
                s0 += w;
                s1 += w * x[i];
                s11 += w * x[i] * x[i];
                sy += w * y[i];
                s1y += w * x[i] * y[i];
            }

            var det = (s0 * s11) - (s1 * s1);
            double[] next = [((s11 * sy) - (s1 * s1y)) / det, ((s0 * s1y) - (s1 * sy)) / det];
            var nextMu = Predict(x, next);
            for (var halving = 0; nextMu.Any(m => !(m > 0) || !double.IsFinite(m)); halving++)
            {
                if (halving == MaxGlmIterations)
                {
                    return (null, false);
                }

                next = [(next[0] + coefficients[0]) / 2, (next[1] + coefficients[1]) / 2];
                nextMu = Predict(x, next);
            }

            var nextDeviance = Deviance(y, nextMu);
            coefficients = next;
            mu = nextMu;
            if (Math.Abs(nextDeviance - deviance) / (Math.Abs(nextDeviance) + 0.1) < GlmTolerance)
            {
                return (coefficients, true);
            }

            deviance = nextDeviance;
        }

        return (coefficients, false);
    }

    private static double[] Predict(List<double> x, double[] coefficients) => [.. x.Select(v => coefficients[0] + (coefficients[1] * v))];

    private static double Deviance(List<double> y, double[] mu)
    {
        var sum = 0.0;
        for (var i = 0; i < y.Count; i++)
        {
            sum += -2 * (Math.Log(y[i] / mu[i]) - ((y[i] - mu[i]) / mu[i]));
        }

        return sum;
    }
}
