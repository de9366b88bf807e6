using MathNet.Numerics;

namespace Fractal.Domain.Statistics.DESeq2;

/// <summary>
/// DESeq2's negative binomial GLM of one gene with a fixed dispersion (<c>fitBeta</c>): log link, the size factors
/// as offsets, iteratively reweighted least squares from the least-squares fit of log(normalized count + 0.1), with
/// a ridge of 1e-6 per coefficient on the log2 scale and fitted means held at or above 0.5 while iterating. It stops
/// when the deviance changes by less than 1e-8 relative, after at most 100 iterations.
/// </summary>
internal static class NegativeBinomialGlm
{
    public const int MaxIterations = 100;
    private const double Tolerance = 1e-8;
    private const double MinMu = 0.5;
    private const double Large = 30.0;
    private static readonly double s_ridge = 1e-6 / (Math.Log(2) * Math.Log(2));

    /// <summary>Fits <paramref name="counts"/> of one gene.</summary>
    public static NegativeBinomialFit Fit(GroupDesign design, double[] counts, double[] sizeFactors, double dispersion)
    {
        var m = design.Samples;
        var p = design.Columns;
        var logNormalized = new double[m];
        for (var j = 0; j < m; j++)
        {
            logNormalized[j] = Math.Log((counts[j] / sizeFactors[j]) + 0.1);
        }

        var beta = design.LeastSquaresCoefficients(logNormalized);
        var mu = Means(design, beta, sizeFactors, clamp: true);
        var w = new double[m];
        var deviance = 0.0;
        var previous = 0.0;
        var iterations = 0;
        var converged = false;
        for (var t = 0; t < MaxIterations; t++)
        {
            iterations++;
            var xtwz = new double[p];
            for (var j = 0; j < m; j++)
            {
                w[j] = mu[j] / (1.0 + (dispersion * mu[j]));
                var z = Math.Log(mu[j] / sizeFactors[j]) + ((counts[j] - mu[j]) / mu[j]);
                for (var a = 0; a < p; a++)
                {
                    xtwz[a] += design.X[j][a] * w[j] * z;
                }
            }

            var next = SmallMatrix.Solve(Ridged(design.CrossProduct(w)), xtwz);
            if (next is null || next.Any(b => Math.Abs(b) > Large || double.IsNaN(b)))
            {
                iterations = MaxIterations;
                break;
            }

            beta = next;
            mu = Means(design, beta, sizeFactors, clamp: true);
            deviance = Deviance(counts, mu, dispersion);
            var change = Math.Abs(deviance - previous) / (Math.Abs(deviance) + 0.1);
            if (double.IsNaN(change))
            {
                iterations = MaxIterations;
                break;
            }

            if (t > 0 && change < Tolerance)
            {
                converged = true;
                break;
            }

            previous = deviance;
        }

        for (var j = 0; j < m; j++)
        {
            w[j] = mu[j] / (1.0 + (dispersion * mu[j]));
        }

        var information = design.CrossProduct(w);
        var inverse = SmallMatrix.Inverse(Ridged(information));
        var covariance = SmallMatrix.Sandwich(inverse, information);
        var hat = new double[m];
        for (var j = 0; j < m; j++)
        {
            hat[j] = w[j] * SmallMatrix.QuadraticForm(inverse, design.X[j]);
        }

        var variances = new double[p];
        for (var a = 0; a < p; a++)
        {
            variances[a] = covariance[a, a];
        }

        return new NegativeBinomialFit(beta, variances, Means(design, beta, sizeFactors, clamp: false), hat, iterations, converged);
    }

    /// <summary>−2 × the log-likelihood of <paramref name="counts"/> under means <paramref name="mu"/>.</summary>
    public static double Deviance(double[] counts, double[] mu, double dispersion)
    {
        var size = 1.0 / dispersion;
        var sum = 0.0;
        for (var j = 0; j < counts.Length; j++)
        {
            var y = counts[j];
            sum += SpecialFunctions.GammaLn(y + size) - SpecialFunctions.GammaLn(size) - SpecialFunctions.GammaLn(y + 1)
                + (size * Math.Log(size / (size + mu[j]))) + (y == 0 ? 0 : y * Math.Log(mu[j] / (size + mu[j])));
        }

        return -2 * sum;
    }

    private static double[,] Ridged(double[,] information)
    {
        var ridged = (double[,])information.Clone();
        for (var a = 0; a < ridged.GetLength(0); a++)
        {
            ridged[a, a] += s_ridge;
        }

        return ridged;
    }

    private static double[] Means(GroupDesign design, double[] beta, double[] sizeFactors, bool clamp)
    {
        var mu = new double[design.Samples];
        for (var j = 0; j < mu.Length; j++)
        {
            var eta = 0.0;
            for (var a = 0; a < beta.Length; a++)
            {
                eta += design.X[j][a] * beta[a];
            }

            mu[j] = sizeFactors[j] * Math.Exp(eta);
            if (clamp)
            {
                mu[j] = Math.Max(mu[j], MinMu);
            }
        }

        return mu;
    }
}
