using Fractal.Domain.Data;

namespace Fractal.Domain.Analyses;

/// <summary>
/// One numerical variable read from a dataset: its label, the value of each id that has one, and the
/// ids dropped because their value is missing (NaN). The first row of an id wins.
/// </summary>
public sealed class NumericVariable
{
    private readonly Dictionary<string, double> _values;

    private NumericVariable(string label, List<string> ids, Dictionary<string, double> values, List<string> missingIds)
    {
        Label = label;
        Ids = ids;
        _values = values;
        MissingIds = missingIds;
    }

    /// <summary>The variable's name: the dataset's feature.</summary>
    public string Label { get; }

    /// <summary>The ids with a value, in order of first appearance.</summary>
    public IReadOnlyList<string> Ids { get; }

    /// <summary>The ids whose value is missing, in order of first appearance.</summary>
    public IReadOnlyList<string> MissingIds { get; }

    /// <summary>The value of <paramref name="id"/>; false when it has none.</summary>
    public bool TryGetValue(string id, out double value) => _values.TryGetValue(id, out value);

    /// <summary>Reads a <c>numerical</c> dataset of one feature.</summary>
    /// <param name="table">The dataset.</param>
    /// <param name="argument">The argument it was given as, named in errors.</param>
    /// <exception cref="AnalysisArgumentException">The dataset is not numerical, or has other than one feature.</exception>
    public static NumericVariable FromTable(DatasetTable table, string argument)
    {
        ArgumentNullException.ThrowIfNull(table);
        if (table.DataType != DataType.Numerical)
        {
            throw new AnalysisArgumentException(argument, $"'{argument}' must be a numerical dataset, not {table.DataType.ToName()}.");
        }

        var features = table.DistinctFeatures();
        if (features.Count != 1)
        {
            throw new AnalysisArgumentException(argument, $"'{argument}' must have exactly one feature; it has {features.Count}.");
        }

        var ids = new List<string>();
        var values = new Dictionary<string, double>(StringComparer.Ordinal);
        var missing = new List<string>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var row = 0; row < table.RowCount; row++)
        {
            var id = table.Ids[row];
            if (!seen.Add(id))
            {
                continue;
            }

            var value = table.Numbers[row];
            if (double.IsNaN(value))
            {
                missing.Add(id);
            }
            else
            {
                ids.Add(id);
                values.Add(id, value);
            }
        }

        return new NumericVariable(features[0], ids, values, missing);
    }
}
