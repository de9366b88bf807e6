using Fractal.Domain.Data;

namespace Fractal.Domain.Analyses;

/// <summary>The schema entries of the arguments most analyses share: <c>id_filter</c>, <c>subsets</c>, <c>categories</c>.</summary>
public static class CommonParameters
{
    /// <summary><c>id_filter</c>: the ids to keep; empty keeps all.</summary>
    public static AnalysisParameter IdFilter { get; } = new()
    {
        Name = "id_filter",
        Kind = ParameterKind.IdList,
        Default = Array.Empty<string>(),
        Description = "The ids to keep; empty keeps all.",
    };

    /// <summary><c>subsets</c>: lists of ids, labelled s1, s2, …; empty is one subset of all ids.</summary>
    public static AnalysisParameter Subsets { get; } = new()
    {
        Name = "subsets",
        Kind = ParameterKind.IdLists,
        Default = Array.Empty<string[]>(),
        Description = "Lists of ids, labelled s1, s2, ...; empty is one subset of all ids.",
    };

    /// <summary><c>categories</c>: categorical datasets that split the ids into groups; none is one group.</summary>
    public static AnalysisParameter Categories { get; } = new()
    {
        Name = "categories",
        Kind = ParameterKind.DatasetList,
        DataTypes = [DataType.Categorical.ToName()],
        Default = Array.Empty<string>(),
        Description = "Categorical datasets whose values, joined with ' AND ', name the group of each id; none is one group.",
    };
}
