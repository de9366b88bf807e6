using Fractal.Domain.Statistics.MultipleTesting;

namespace Fractal.Domain.Statistics.Limma;

/// <summary>
/// limma's <c>topTable(number = Inf, sort = "none")</c> over all features, in input order. With two groups
/// (one contrast) <see cref="PValue"/> and <see cref="AdjPValue"/> belong to the moderated t (<see cref="T"/>,
/// <see cref="B"/>); with three or more (as <c>topTableF</c>) they belong to the moderated <see cref="F"/>.
/// <see cref="LogFC"/> is row-major, feature × contrast, in the order of <see cref="ContrastNames"/>.
/// </summary>
public sealed record LimmaTable(
    IReadOnlyList<string> ContrastNames,
    double[] LogFC,
    double[] AveExpr,
    double[] T,
    double[] B,
    double[] F,
    double[] PValue,
    double[] AdjPValue,
    string?[] Problems)
{
    public int FeatureCount => AveExpr.Length;

    /// <summary>Whether the table compares two groups (t, B) rather than three or more (F).</summary>
    public bool IsPairwise => ContrastNames.Count == 1;

    /// <summary>Joins the moderated statistics of every chunk, in order, and adjusts the p-values (Benjamini–Hochberg).</summary>
    public static LimmaTable Assemble(CellMeansModel model, IReadOnlyList<ModeratedStatistics> chunks)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(chunks);
        var contrasts = model.Contrasts.Count;
        var pairwise = contrasts == 1;
        var logFC = new List<double>();
        var aveExpr = new List<double>();
        var t = new List<double>();
        var b = new List<double>();
        var f = new List<double>();
        var p = new List<double>();
        var problems = new List<string?>();
        foreach (var chunk in chunks)
        {
            logFC.AddRange(chunk.LogFC);
            aveExpr.AddRange(chunk.AveExpr);
            f.AddRange(chunk.F);
            problems.AddRange(chunk.Problems);
            if (pairwise)
            {
                t.AddRange(chunk.T);
                b.AddRange(chunk.B);
                p.AddRange(chunk.PValue);
            }
            else
            {
                p.AddRange(chunk.FPValue);
            }
        }

        var names = new string[contrasts];
        for (var k = 0; k < contrasts; k++)
        {
            names[k] = model.Contrasts[k].Name;
        }

        return new LimmaTable(names, [.. logFC], [.. aveExpr], [.. t], [.. b], [.. f], [.. p], BenjaminiHochberg.Adjust(p), [.. problems]);
    }
}
