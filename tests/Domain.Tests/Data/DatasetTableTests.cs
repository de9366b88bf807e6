using Fractal.Domain.Data;

namespace Fractal.Domain.Tests.Data;

public sealed class DatasetTableTests
{
    [Fact]
    public void Build_NumericRows_KeepsRowsInOrder()
    {
        var builder = new DatasetTableBuilder(DataType.NumericalArray);
        builder.Add("p1", "g_0001", 1.5);
        builder.Add("p1", "g_0002", double.NaN);
        builder.Add("p2", "g_0001", -2);

        var table = builder.Build();

        Assert.Equal(3, table.RowCount);
        Assert.Equal(["p1", "p1", "p2"], table.Ids);
        Assert.True(double.IsNaN(table.Numbers[1]));
        Assert.Empty(table.Labels);
    }

    [Fact]
    public void DistinctFeatures_RepeatedFeatures_ListsEachOnceInFirstOrder()
    {
        var table = DatasetTable.FromNumbers(DataType.NumericalArray, ["a", "a", "b", "b"], ["g2", "g1", "g2", "g1"], [1, 2, 3, 4]);

        Assert.Equal(["g2", "g1"], table.DistinctFeatures());
    }

    [Fact]
    public void FromNumbers_ColumnsOfDifferentLength_Throws()
    {
        Assert.Throws<ArgumentException>(() => DatasetTable.FromNumbers(DataType.Numerical, ["a"], ["x", "x"], [1]));
    }

    [Fact]
    public void FromNumbers_CategoricalType_Throws()
    {
        Assert.Throws<ArgumentException>(() => DatasetTable.FromNumbers(DataType.Categorical, ["a"], ["x"], [1]));
    }

    [Fact]
    public void Add_LabelToNumericBuilder_Throws()
    {
        var builder = new DatasetTableBuilder(DataType.Numerical);

        Assert.Throws<InvalidOperationException>(() => builder.Add("a", "x", "label"));
    }

    [Theory]
    [InlineData("numerical", DataType.Numerical)]
    [InlineData("categorical", DataType.Categorical)]
    [InlineData("numerical_array", DataType.NumericalArray)]
    [InlineData("time_to_event", DataType.TimeToEvent)]
    public void TryParse_WireName_RoundTrips(string name, DataType expected)
    {
        Assert.True(DataTypeNames.TryParse(name, out var type));
        Assert.Equal(expected, type);
        Assert.Equal(name, type.ToName());
    }

    [Fact]
    public void KeepOnly_NumericalArray_KeepsTheListedFeaturesRows()
    {
        var table = DatasetTable.FromNumbers(DataType.NumericalArray, ["a", "a", "b", "b"], ["g2", "g1", "g2", "g1"], [1, 2, 3, 4]);

        var kept = table.KeepOnly(["g1"]);

        Assert.Equal(["a", "b"], kept.Ids);
        Assert.Equal([2.0, 4.0], kept.Numbers);
    }

    [Fact]
    public void KeepOnly_Categorical_KeepsTheListedValuesRows()
    {
        var table = DatasetTable.FromLabels(["a", "b", "c"], ["sex", "sex", "sex"], ["f", "m", null]);

        var kept = table.KeepOnly(["m"]);

        Assert.Equal(["b"], kept.Ids);
        Assert.Equal(["m"], kept.Labels);
    }

    [Fact]
    public void KeepOnly_EmptyList_KeepsEveryRow()
    {
        var table = DatasetTable.FromLabels(["a", "b"], ["sex", "sex"], ["f", "m"]);

        Assert.Same(table, table.KeepOnly([]));
    }
}
