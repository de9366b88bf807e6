namespace Fractal.Domain.Analyses.Heatmap;

/// <summary>
/// The columns of limma's table a heatmap can be ranked by (<c>rank_by</c>), and the order each ranks in, as
/// Fractalis sorts them: <c>P.Value</c> and <c>adj.P.Val</c> smallest first; <c>logFC</c> and <c>t</c> largest
/// absolute value first; <c>AveExpr</c>, <c>F</c> and <c>B</c> largest first. <c>logFC</c>, <c>t</c> and <c>B</c>
/// exist for two subsets only, <c>F</c> for more than two.
/// </summary>
public static class LimmaRankColumns
{
    /// <summary>The default column: <c>P.Value</c>.</summary>
    public const string PValue = "P.Value";

    /// <summary>Every column, in the order of limma's table.</summary>
    public static IReadOnlyList<string> All { get; } = ["logFC", "AveExpr", "t", "F", PValue, "adj.P.Val", "B"];

    /// <summary>The columns of the table for two subsets (one contrast).</summary>
    public static IReadOnlyList<string> Pairwise { get; } = ["logFC", "AveExpr", "t", PValue, "adj.P.Val", "B"];

    /// <summary>The columns of the table for more than two subsets (the F test), besides one logFC column per contrast.</summary>
    public static IReadOnlyList<string> Omnibus { get; } = ["AveExpr", "F", PValue, "adj.P.Val"];

    /// <summary>The order <paramref name="column"/> ranks in.</summary>
    /// <exception cref="AnalysisArgumentException">The column is not one of <see cref="All"/> (the argument is <c>rank_by</c>).</exception>
    public static RankOrder OrderOf(string column) => column switch
    {
        PValue or "adj.P.Val" => RankOrder.SmallestFirst,
        "logFC" or "t" => RankOrder.LargestMagnitudeFirst,
        "AveExpr" or "F" or "B" => RankOrder.LargestFirst,
        _ => throw new AnalysisArgumentException("rank_by", $"'{column}' is not a column of limma's table; use one of {string.Join(", ", All)}."),
    };

    /// <summary>Checks that limma's table, for two subsets (<paramref name="pairwise"/>) or more, has <paramref name="column"/>.</summary>
    /// <exception cref="AnalysisArgumentException">It has not (the argument is <c>rank_by</c>).</exception>
    public static void Require(string column, bool pairwise)
    {
        OrderOf(column);
        var columns = pairwise ? Pairwise : Omnibus;
        if (!columns.Contains(column, StringComparer.Ordinal))
        {
            throw new AnalysisArgumentException(
                "rank_by",
                $"limma's table for {(pairwise ? "two subsets" : "more than two subsets")} has no '{column}' column; rank by one of {string.Join(", ", columns)}.");
        }
    }
}
