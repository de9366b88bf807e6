namespace Fractal.Domain.Statistics.Limma;

/// <summary>A difference of two group means: <c>group[Minuend] - group[Subtrahend]</c>, named like <c>s2-s1</c>.</summary>
public sealed record Contrast(int Minuend, int Subtrahend, string Name);
