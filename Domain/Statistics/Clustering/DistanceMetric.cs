namespace Fractal.Domain.Statistics.Clustering;

/// <summary>How far apart two observations are, as SciPy's <c>pdist</c> metrics of the same names.</summary>
public enum DistanceMetric
{
    /// <summary><c>euclidean</c>: √Σ(u−v)².</summary>
    Euclidean,

    /// <summary><c>sqeuclidean</c>: Σ(u−v)².</summary>
    SquaredEuclidean,

    /// <summary><c>cityblock</c>: Σ|u−v|.</summary>
    Cityblock,

    /// <summary><c>chebyshev</c>: max|u−v|.</summary>
    Chebyshev,

    /// <summary><c>cosine</c>: 1 − u·v / (‖u‖‖v‖).</summary>
    Cosine,

    /// <summary><c>correlation</c>: 1 − Pearson's r of u and v.</summary>
    Correlation,

    /// <summary><c>canberra</c>: Σ|u−v| / (|u|+|v|), terms with 0/0 counted as 0.</summary>
    Canberra,

    /// <summary><c>braycurtis</c>: Σ|u−v| / Σ|u+v|.</summary>
    BrayCurtis,
}
