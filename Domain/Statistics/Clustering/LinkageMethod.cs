namespace Fractal.Domain.Statistics.Clustering;

/// <summary>How the distance to a merged cluster is updated, as SciPy's <c>linkage</c> methods of the same names.</summary>
public enum LinkageMethod
{
    [System.Diagnostics.CodeAnalysis.SuppressMessage("Naming", "CA1720:Identifier contains type name", Justification = "SciPy's name for the method.")]
    Single,
    Complete,
    Average,
    Weighted,

    /// <summary>Needs Euclidean distances.</summary>
    Centroid,

    /// <summary>Needs Euclidean distances.</summary>
    Median,

    /// <summary>Needs Euclidean distances.</summary>
    Ward,
}
