using Fractal.Durable.Backends;
using Fractal.Durable.Backends.AzureStorage;

namespace Fractal.Durable.Tests.Backends;

public sealed class InstanceQueryFilterTests
{
    [Theory]
    [InlineData("abc", "abd")]
    [InlineData("a", "b")]
    [InlineData("a\uffff", "b")]
    public void PrefixUpperBound_Prefix_IsTheLeastStringAfterEveryStringWithThatPrefix(string prefix, string expected)
    {
        var upper = InstanceQueryFilter.PrefixUpperBound(prefix);

        Assert.Equal(expected, upper);
        Assert.True(string.CompareOrdinal(prefix + "\uffff\uffff", upper) < 0);
    }

    [Fact]
    public void PrefixUpperBound_OnlyMaximalCharacters_IsNull() =>
        Assert.Null(InstanceQueryFilter.PrefixUpperBound("\uffff"));

    [Fact]
    public void Build_NoFilters_IsNull() =>
        Assert.Null(InstanceQueryFilter.Build(new InstanceQuery()));

    [Fact]
    public void Build_PrefixWithQuote_EscapesIt()
    {
        var filter = InstanceQueryFilter.Build(new InstanceQuery { InstanceIdPrefix = "o'brien" });

        Assert.Contains("'o''brien'", filter, StringComparison.Ordinal);
    }
}
