namespace Fractal.Domain.Statistics.DESeq2;

/// <summary>One gene's GLM fit: natural-log coefficients and their variances, the fitted means, the hat diagonal.</summary>
internal sealed record NegativeBinomialFit(double[] Beta, double[] BetaVariance, double[] Mu, double[] Hat, int Iterations, bool Converged);
