using Azure.Data.Tables;
using Fractal.Durable.Backends.AzureStorage;

namespace Fractal.Durable.Tests.Backends;

public sealed class HistoryTransactionPlannerTests
{
    [Fact]
    public void Plan_1000SmallRows_GroupsThemInOrderAtMost99PerTransaction()
    {
        var rows = Rows(1000, bytes: 200);

        var groups = HistoryTransactionPlanner.Plan(rows);

        Assert.Equal((int)Math.Ceiling(1000 / (double)HistoryTransactionPlanner.MaxRowsPerTransaction), groups.Count);
        Assert.All(groups, g => Assert.InRange(g.Count, 1, HistoryTransactionPlanner.MaxRowsPerTransaction));
        Assert.Equal(rows, groups.SelectMany(g => g));
    }

    [Fact]
    public void Plan_LargeRows_KeepsEachTransactionUnderTheByteLimit()
    {
        var rows = Rows(99, bytes: 61_000);

        var groups = HistoryTransactionPlanner.Plan(rows);

        Assert.True(groups.Count > 1);
        Assert.All(groups, g => Assert.True(g.Sum(r => r.EstimatedBytes) <= HistoryTransactionPlanner.MaxBytesPerTransaction));
        Assert.Equal(rows, groups.SelectMany(g => g));
    }

    [Fact]
    public void Plan_NoRows_IsOneEmptyTransactionThatStillMovesTheSentinel()
    {
        var groups = HistoryTransactionPlanner.Plan([]);

        Assert.Empty(Assert.Single(groups));
    }

    private static List<HistoryRow> Rows(int count, int bytes) =>
        [.. Enumerable.Range(0, count).Select(i => new HistoryRow(new TableEntity("p", $"e:{i:D8}"), bytes))];
}
