using Fractal.FunctionApp.Tasks.Models.FrontierAggregation;

namespace Fractal.FunctionApp.Tests.Tasks.Models.FrontierAggregation;

public sealed class DemoLogsTests
{
    [Theory]
    [InlineData(10, 3)]
    [InlineData(1000, 7)]
    [InlineData(2, 5)]
    public void Range_EveryPartition_CoversEachRowOnceInOrder(long rows, int partitions)
    {
        var ranges = Enumerable.Range(0, partitions).Select(i => DemoLogs.Range(rows, i, partitions)).ToList();

        Assert.Equal(rows, ranges.Sum(r => r.Count));
        Assert.Equal(0, ranges[0].First);
        Assert.All(ranges.Zip(ranges.Skip(1)), pair => Assert.Equal(pair.First.First + pair.First.Count, pair.Second.First));
    }

    [Fact]
    public void Rows_ARow_IsTheSameWhicheverRangeMakesIt()
    {
        var whole = DemoLogs.Rows(9, 0, 100).ToList();
        var slice = DemoLogs.Rows(9, 40, 10).ToList();

        Assert.Equal(whole.Skip(40).Take(10), slice);
        Assert.NotEqual(whole, DemoLogs.Rows(10, 0, 100).ToList());
    }
}
