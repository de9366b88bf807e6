namespace Fractal.Domain.Analyses.Correlation;

/// <summary>The wire names of <see cref="CorrelationMethod"/>: <c>pearson</c>, <c>spearman</c>, <c>kendall</c>.</summary>
public static class CorrelationMethodNames
{
    /// <summary>Every wire name, in declaration order.</summary>
    public static IReadOnlyList<string> All { get; } = ["pearson", "spearman", "kendall"];

    /// <summary>The wire name of <paramref name="method"/>.</summary>
    public static string ToName(this CorrelationMethod method) => All[(int)method];

    /// <summary>Parses a wire name.</summary>
    /// <exception cref="AnalysisArgumentException">The name is not one of <see cref="All"/> (the argument is <c>method</c>).</exception>
    public static CorrelationMethod Parse(string? name)
    {
        var index = All.ToList().IndexOf(name ?? string.Empty);
        return index >= 0
            ? (CorrelationMethod)index
            : throw new AnalysisArgumentException("method", $"Unknown method '{name}'; use one of {string.Join(", ", All)}.");
    }
}
