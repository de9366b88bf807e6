namespace Fractal.Durable.Backends.AzureStorage;

/// <summary>
/// Splits history rows into entity-group transactions: each holds at most 99 rows (the sentinel
/// makes 100, the service's limit) and stays under about 3.5 MB (the service allows 4 MiB).
/// </summary>
internal static class HistoryTransactionPlanner
{
    public const int MaxRowsPerTransaction = 99;

    public const int MaxBytesPerTransaction = 3_500_000;

    /// <summary>The rows in transaction-sized groups, in order; one empty group when there are no rows.</summary>
    public static IReadOnlyList<IReadOnlyList<HistoryRow>> Plan(IReadOnlyList<HistoryRow> rows)
    {
        var groups = new List<IReadOnlyList<HistoryRow>>();
        var current = new List<HistoryRow>();
        var bytes = 0;
        foreach (var row in rows)
        {
            if (current.Count == MaxRowsPerTransaction || (current.Count > 0 && bytes + row.EstimatedBytes > MaxBytesPerTransaction))
            {
                groups.Add(current);
                current = [];
                bytes = 0;
            }

            current.Add(row);
            bytes += row.EstimatedBytes;
        }

        groups.Add(current);
        return groups;
    }
}
