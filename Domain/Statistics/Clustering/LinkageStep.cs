namespace Fractal.Domain.Statistics.Clustering;

/// <summary>
/// One row of a SciPy linkage matrix: clusters <see cref="Left"/> and <see cref="Right"/> (ids below n are
/// observations, n + i the cluster formed at step i) merge at <see cref="Distance"/> into a cluster of <see cref="Size"/>.
/// </summary>
public readonly record struct LinkageStep(int Left, int Right, double Distance, int Size);
