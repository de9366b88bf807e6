using Fractal.Domain.Data;
using Fractal.Domain.Statistics.Limma;

namespace Fractal.Domain.Analyses.Heatmap;

/// <summary>
/// Numerical arrays pivoted to a feature × sample matrix, as Fractalis' heatmap and volcano plot read them:
/// the datasets' rows are stacked, ids outside the id filter or every subset are dropped, and each feature
/// becomes a row with one value per kept id (NaN where missing; the first row of an (id, feature) wins).
/// <see cref="Samples"/> lists each kept id once per subset that holds it, subset by subset, as limma's
/// design sees them; <see cref="Ids"/> lists each kept id once, as the z-scores see them.
/// </summary>
public sealed class FeatureMatrix
{
    private FeatureMatrix(IReadOnlyList<string> features, IReadOnlyList<string> ids, double[][] values, IReadOnlyList<ScopedId> samples, int subsetCount)
    {
        Features = features;
        Ids = ids;
        Values = values;
        Samples = samples;
        SubsetCount = subsetCount;
    }

    /// <summary>The features, in order of first appearance.</summary>
    public IReadOnlyList<string> Features { get; }

    /// <summary>The kept ids, in order of first appearance: the columns of <see cref="Values"/>.</summary>
    public IReadOnlyList<string> Ids { get; }

    /// <summary>One row per feature, one value per id of <see cref="Ids"/>.</summary>
    public double[][] Values { get; }

    /// <summary>Each kept id once per subset that holds it, subset by subset.</summary>
    public IReadOnlyList<ScopedId> Samples { get; }

    public int SubsetCount { get; }

    /// <summary>Builds the matrix from <c>numerical_array</c> datasets.</summary>
    /// <param name="arrays">The datasets.</param>
    /// <param name="scope">The id filter and subsets (categories are not used).</param>
    /// <param name="argument">The argument the datasets came in, named in errors.</param>
    /// <exception cref="AnalysisArgumentException">No dataset, one that is not a numerical array, or no data left.</exception>
    public static FeatureMatrix Build(IReadOnlyList<DatasetTable> arrays, AnalysisScope scope, string argument)
    {
        ArgumentNullException.ThrowIfNull(arrays);
        ArgumentNullException.ThrowIfNull(scope);
        if (arrays.Count == 0)
        {
            throw new AnalysisArgumentException(argument, $"'{argument}' needs at least one numerical_array dataset.");
        }

        for (var i = 0; i < arrays.Count; i++)
        {
            if (arrays[i].DataType != DataType.NumericalArray)
            {
                throw new AnalysisArgumentException(argument, $"{argument}[{i}] is {arrays[i].DataType.ToName()}; a numerical_array dataset is expected.");
            }
        }

        var allIds = new List<string>();
        var seenIds = new HashSet<string>(StringComparer.Ordinal);
        foreach (var table in arrays)
        {
            foreach (var id in table.Ids)
            {
                if (seenIds.Add(id))
                {
                    allIds.Add(id);
                }
            }
        }

        var samples = scope.Apply(allIds);
        var ids = new List<string>();
        var column = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var sample in samples)
        {
            if (column.TryAdd(sample.Id, ids.Count))
            {
                ids.Add(sample.Id);
            }
        }

        var features = new List<string>();
        var rowOf = new Dictionary<string, int>(StringComparer.Ordinal);
        var rows = new List<double[]>();
        var filled = new List<bool[]>();
        foreach (var table in arrays)
        {
            for (var r = 0; r < table.RowCount; r++)
            {
                if (!column.TryGetValue(table.Ids[r], out var c))
                {
                    continue;
                }

                var feature = table.Features[r];
                if (!rowOf.TryGetValue(feature, out var f))
                {
                    f = rows.Count;
                    rowOf.Add(feature, f);
                    features.Add(feature);
                    var row = new double[ids.Count];
                    Array.Fill(row, double.NaN);
                    rows.Add(row);
                    filled.Add(new bool[ids.Count]);
                }

                if (!filled[f][c])
                {
                    filled[f][c] = true;
                    rows[f][c] = table.Numbers[r];
                }
            }
        }

        if (rows.Count == 0)
        {
            throw new AnalysisArgumentException(argument, "Either the input data set is too small or the subset sample ids do not match the data.");
        }

        return new FeatureMatrix(features, ids, [.. rows], samples, scope.SubsetCount);
    }

    /// <summary>
    /// The rows laid out for limma: one column per entry of <see cref="Samples"/>, and the cell-means model of the subsets.
    /// </summary>
    /// <exception cref="AnalysisArgumentException">Fewer than two subsets, or a subset with no sample.</exception>
    public (CellMeansModel Model, double[][] Rows) ForSubsets()
    {
        if (SubsetCount < 2)
        {
            throw new AnalysisArgumentException("subsets", "A comparison of subsets needs at least two non-empty subsets.");
        }

        var groups = new int[Samples.Count];
        var columns = new int[Samples.Count];
        var sizes = new int[SubsetCount];
        var index = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < Ids.Count; i++)
        {
            index.Add(Ids[i], i);
        }

        for (var s = 0; s < Samples.Count; s++)
        {
            groups[s] = Samples[s].Subset;
            columns[s] = index[Samples[s].Id];
            sizes[groups[s]]++;
        }

        var names = new string[SubsetCount];
        for (var g = 0; g < SubsetCount; g++)
        {
            names[g] = AnalysisScope.SubsetLabel(g);
            if (sizes[g] == 0)
            {
                throw new AnalysisArgumentException("subsets", $"Subset {names[g]} matches no sample id of the data.");
            }
        }

        var rows = new double[Values.Length][];
        for (var f = 0; f < Values.Length; f++)
        {
            var row = new double[columns.Length];
            for (var s = 0; s < columns.Length; s++)
            {
                row[s] = Values[f][columns[s]];
            }

            rows[f] = row;
        }

        return (new CellMeansModel(groups, names), rows);
    }
}
