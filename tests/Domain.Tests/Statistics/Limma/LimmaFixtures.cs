namespace Fractal.Domain.Tests.Statistics.Limma;

/// <summary>The cases written by <c>tests/reference/limma/generate.R</c>.</summary>
internal static class LimmaFixtures
{
    public static readonly string[] Names =
        ["two_groups", "two_groups_missing", "two_groups_small", "many_features_missing", "three_groups", "four_groups", "overlapping_subsets"];
}
