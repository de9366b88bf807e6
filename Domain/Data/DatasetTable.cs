namespace Fractal.Domain.Data;

/// <summary>
/// A dataset in long form, one row per (<c>id</c>, <c>feature</c>, <c>value</c>), stored as columns.
/// Numeric types keep their values in <see cref="Numbers"/> (NaN for missing); categorical ones in
/// <see cref="Labels"/> (null for missing). A numerical or categorical dataset has one feature,
/// named after its field; a time-to-event dataset has the features <c>time</c> and <c>event</c>.
/// </summary>
public sealed class DatasetTable
{
    /// <summary>The feature name of a time-to-event dataset's times.</summary>
    public const string TimeFeature = "time";

    /// <summary>The feature name of a time-to-event dataset's event flags (1 = event, 0 = censored).</summary>
    public const string EventFeature = "event";

    private DatasetTable(DataType dataType, string[] ids, string[] features, double[] numbers, string?[] labels)
    {
        DataType = dataType;
        Ids = ids;
        Features = features;
        Numbers = numbers;
        Labels = labels;
    }

    public DataType DataType { get; }

    /// <summary>The id of each row.</summary>
    public IReadOnlyList<string> Ids { get; }

    /// <summary>The feature of each row.</summary>
    public IReadOnlyList<string> Features { get; }

    /// <summary>The value of each row, for numeric data types; empty for categorical.</summary>
    public IReadOnlyList<double> Numbers { get; }

    /// <summary>The value of each row, for categorical data; empty for numeric types.</summary>
    public IReadOnlyList<string?> Labels { get; }

    public int RowCount => Ids.Count;

    /// <summary>A numeric table; the three columns must have one length.</summary>
    public static DatasetTable FromNumbers(DataType dataType, string[] ids, string[] features, double[] values)
    {
        ArgumentNullException.ThrowIfNull(ids);
        ArgumentNullException.ThrowIfNull(features);
        ArgumentNullException.ThrowIfNull(values);
        if (!dataType.IsNumeric())
        {
            throw new ArgumentException($"{dataType.ToName()} values are labels, not numbers.", nameof(dataType));
        }

        EnsureSameLength(ids.Length, features.Length, values.Length);
        return new DatasetTable(dataType, ids, features, values, []);
    }

    /// <summary>A categorical table; the three columns must have one length.</summary>
    public static DatasetTable FromLabels(string[] ids, string[] features, string?[] values)
    {
        ArgumentNullException.ThrowIfNull(ids);
        ArgumentNullException.ThrowIfNull(features);
        ArgumentNullException.ThrowIfNull(values);
        EnsureSameLength(ids.Length, features.Length, values.Length);
        return new DatasetTable(DataType.Categorical, ids, features, [], values);
    }

    /// <summary>The distinct features, in order of first appearance.</summary>
    public IReadOnlyList<string> DistinctFeatures()
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var result = new List<string>();
        foreach (var feature in Features)
        {
            if (seen.Add(feature))
            {
                result.Add(feature);
            }
        }

        return result;
    }

    /// <summary>
    /// The rows a front-end's filter keeps, as Fractalis applies <c>filters.feature</c>: the rows of the
    /// listed features; for a categorical dataset, whose one feature is the variable itself, the rows
    /// whose value is listed. An empty list keeps every row.
    /// </summary>
    public DatasetTable KeepOnly(IReadOnlyCollection<string> featuresOrValues)
    {
        ArgumentNullException.ThrowIfNull(featuresOrValues);
        if (featuresOrValues.Count == 0)
        {
            return this;
        }

        var kept = featuresOrValues.ToHashSet(StringComparer.Ordinal);
        var rows = Enumerable.Range(0, RowCount)
            .Where(i => DataType == DataType.Categorical ? Labels[i] is { } label && kept.Contains(label) : kept.Contains(Features[i]))
            .ToArray();
        string[] ids = [.. rows.Select(i => Ids[i])];
        string[] features = [.. rows.Select(i => Features[i])];
        return DataType == DataType.Categorical
            ? FromLabels(ids, features, [.. rows.Select(i => Labels[i])])
            : FromNumbers(DataType, ids, features, [.. rows.Select(i => Numbers[i])]);
    }

    private static void EnsureSameLength(int ids, int features, int values)
    {
        if (ids != features || ids != values)
        {
            throw new ArgumentException($"The columns differ in length: {ids} ids, {features} features, {values} values.");
        }
    }
}
