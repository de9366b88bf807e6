using Fractal.Domain.Analyses;
using Fractal.Domain.Data;

namespace Fractal.Domain.Tests.Analyses;

public sealed class NumericVariableTests
{
    [Fact]
    public void FromTable_MissingValues_ReportsTheirIds()
    {
        var table = DatasetTable.FromNumbers(DataType.Numerical, ["a", "b", "c"], ["age", "age", "age"], [1, double.NaN, 3]);

        var variable = NumericVariable.FromTable(table, "x");

        Assert.Equal("age", variable.Label);
        Assert.Equal(["a", "c"], variable.Ids);
        Assert.Equal(["b"], variable.MissingIds);
    }

    [Fact]
    public void FromTable_Categorical_ThrowsNamingTheArgument()
    {
        var table = DatasetTable.FromLabels(["a"], ["sex"], ["f"]);

        var error = Assert.Throws<AnalysisArgumentException>(() => NumericVariable.FromTable(table, "y"));

        Assert.Equal("y", error.Argument);
    }

    [Fact]
    public void FromTable_TwoFeatures_Throws()
    {
        var table = DatasetTable.FromNumbers(DataType.Numerical, ["a", "a"], ["f1", "f2"], [1, 2]);

        Assert.Throws<AnalysisArgumentException>(() => NumericVariable.FromTable(table, "x"));
    }
}
