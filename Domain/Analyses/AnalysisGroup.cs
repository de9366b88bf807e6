namespace Fractal.Domain.Analyses;

/// <summary>The ids of one (category, subset) group, the unit an analysis computes per group and fans out over.</summary>
public sealed record AnalysisGroup(string Category, int Subset, IReadOnlyList<string> Ids)
{
    /// <summary>The subset's label: <c>s1</c>, <c>s2</c>, ….</summary>
    public string SubsetLabel => AnalysisScope.SubsetLabel(Subset);
}
