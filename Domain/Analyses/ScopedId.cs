namespace Fractal.Domain.Analyses;

/// <summary>An id as an analysis sees it: the subset it counts in (zero-based) and its category (null: none).</summary>
public sealed record ScopedId(string Id, int Subset, string? Category)
{
    /// <summary>The subset's label: <c>s1</c>, <c>s2</c>, ….</summary>
    public string SubsetLabel => AnalysisScope.SubsetLabel(Subset);
}
