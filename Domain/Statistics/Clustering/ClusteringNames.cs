namespace Fractal.Domain.Statistics.Clustering;

/// <summary>The wire names of <see cref="LinkageMethod"/> and <see cref="DistanceMetric"/>, as SciPy spells them.</summary>
public static class ClusteringNames
{
    private static readonly Dictionary<string, LinkageMethod> s_methods = new(StringComparer.Ordinal)
    {
        ["single"] = LinkageMethod.Single,
        ["complete"] = LinkageMethod.Complete,
        ["average"] = LinkageMethod.Average,
        ["weighted"] = LinkageMethod.Weighted,
        ["centroid"] = LinkageMethod.Centroid,
        ["median"] = LinkageMethod.Median,
        ["ward"] = LinkageMethod.Ward,
    };

    private static readonly Dictionary<string, DistanceMetric> s_metrics = new(StringComparer.Ordinal)
    {
        ["euclidean"] = DistanceMetric.Euclidean,
        ["sqeuclidean"] = DistanceMetric.SquaredEuclidean,
        ["cityblock"] = DistanceMetric.Cityblock,
        ["chebyshev"] = DistanceMetric.Chebyshev,
        ["cosine"] = DistanceMetric.Cosine,
        ["correlation"] = DistanceMetric.Correlation,
        ["canberra"] = DistanceMetric.Canberra,
        ["braycurtis"] = DistanceMetric.BrayCurtis,
    };

    /// <summary>Every linkage method name.</summary>
    public static IReadOnlyList<string> Methods { get; } = [.. s_methods.Keys];

    /// <summary>Every metric name.</summary>
    public static IReadOnlyList<string> Metrics { get; } = [.. s_metrics.Keys];

    public static bool TryParseMethod(string? name, out LinkageMethod method) => s_methods.TryGetValue(name ?? string.Empty, out method);

    public static bool TryParseMetric(string? name, out DistanceMetric metric) => s_metrics.TryGetValue(name ?? string.Empty, out metric);
}
