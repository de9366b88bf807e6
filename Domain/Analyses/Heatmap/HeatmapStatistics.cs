using System.Text.Json.Serialization;
using Fractal.Domain.Statistics.Limma;

namespace Fractal.Domain.Analyses.Heatmap;

/// <summary>
/// Per-feature statistics as columns, the shape of Fractalis' <c>stats.to_dict(orient='list')</c>:
/// <c>{"feature": [...], "mean": [...]}</c>, or limma's columns (<c>logFC</c>, <c>AveExpr</c>, <c>t</c>,
/// <c>P.Value</c>, <c>adj.P.Val</c>, <c>B</c> for two subsets; one logFC column per contrast, <c>AveExpr</c>,
/// <c>F</c>, <c>P.Value</c>, <c>adj.P.Val</c> for more). <see cref="RankBy"/> names the column the ranking sorts on.
/// </summary>
public sealed class HeatmapStatistics
{
    public HeatmapStatistics(
        IReadOnlyList<string> features, IReadOnlyList<KeyValuePair<string, double[]>> columns, string rankBy, RankOrder order, IReadOnlyList<string?>? problems = null)
    {
        ArgumentNullException.ThrowIfNull(features);
        ArgumentNullException.ThrowIfNull(columns);
        Features = features;
        Columns = [];
        foreach (var (name, values) in columns)
        {
            if (values.Length != features.Count)
            {
                throw new ArgumentException($"Column '{name}' has {values.Length} values for {features.Count} features.", nameof(columns));
            }

            Columns.Add(name, values);
        }

        if (!Columns.ContainsKey(rankBy))
        {
            throw new ArgumentException($"There is no column '{rankBy}' to rank by.", nameof(rankBy));
        }

        RankBy = rankBy;
        Order = order;
        Problems = problems ?? new string?[features.Count];
    }

    [JsonPropertyName("feature")]
    public IReadOnlyList<string> Features { get; }

    /// <summary>The numeric columns, each one value per feature; serialized beside <c>feature</c>.</summary>
    [JsonExtensionData]
    public Dictionary<string, object> Columns { get; }

    /// <summary>The column the features are ranked by.</summary>
    [JsonIgnore]
    public string RankBy { get; }

    /// <summary>Which end of <see cref="RankBy"/> ranks first.</summary>
    [JsonIgnore]
    public RankOrder Order { get; }

    /// <summary>Why a feature's statistics are NaN, per feature; null where they are defined.</summary>
    [JsonIgnore]
    public IReadOnlyList<string?> Problems { get; }

    /// <summary>The values of column <paramref name="name"/>.</summary>
    public double[] Column(string name) => (double[])Columns[name];

    /// <summary>
    /// limma's top table as columns (the moderated t's for two subsets, the F's for more), ranked by
    /// <paramref name="rankBy"/> in its <see cref="LimmaRankColumns.OrderOf"/>.
    /// </summary>
    /// <exception cref="AnalysisArgumentException">The table has no column <paramref name="rankBy"/> (the argument is <c>rank_by</c>).</exception>
    public static HeatmapStatistics FromLimma(IReadOnlyList<string> features, LimmaTable table, string rankBy = LimmaRankColumns.PValue)
    {
        ArgumentNullException.ThrowIfNull(table);
        LimmaRankColumns.Require(rankBy, table.IsPairwise);
        var columns = new List<KeyValuePair<string, double[]>>();
        var contrasts = table.ContrastNames.Count;
        if (table.IsPairwise)
        {
            columns.Add(new("logFC", table.LogFC));
        }
        else
        {
            for (var k = 0; k < contrasts; k++)
            {
                var column = new double[table.FeatureCount];
                for (var f = 0; f < column.Length; f++)
                {
                    column[f] = table.LogFC[(f * contrasts) + k];
                }

                columns.Add(new(table.ContrastNames[k], column));
            }
        }

        columns.Add(new("AveExpr", table.AveExpr));
        if (table.IsPairwise)
        {
            columns.Add(new("t", table.T));
        }
        else
        {
            columns.Add(new("F", table.F));
        }

        columns.Add(new("P.Value", table.PValue));
        columns.Add(new("adj.P.Val", table.AdjPValue));
        if (table.IsPairwise)
        {
            columns.Add(new("B", table.B));
        }

        return new HeatmapStatistics(features, columns, rankBy, LimmaRankColumns.OrderOf(rankBy), table.Problems);
    }
}
