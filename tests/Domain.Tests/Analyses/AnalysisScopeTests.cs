using Fractal.Domain.Analyses;
using Fractal.Domain.Data;

namespace Fractal.Domain.Tests.Analyses;

public sealed class AnalysisScopeTests
{
    [Fact]
    public void Apply_NoArguments_PutsEveryIdInSubsetOneWithEmptyCategory()
    {
        var scope = new AnalysisScope();

        var scoped = scope.Apply(["a", "b"]);

        Assert.Equal([new ScopedId("a", 0, ""), new ScopedId("b", 0, "")], scoped);
    }

    [Fact]
    public void Apply_IdFilter_KeepsOnlyListedIds()
    {
        var scope = new AnalysisScope(["b"], null, null);

        var scoped = scope.Apply(["a", "b", "c"]);

        Assert.Equal(["b"], scoped.Select(entry => entry.Id));
    }

    [Fact]
    public void Apply_IdInTwoSubsets_CountsInEach()
    {
        var scope = new AnalysisScope(null, [["a", "b"], ["b", "c"]], null);

        var scoped = scope.Apply(["a", "b", "c"]);

        Assert.Equal(["a/s1", "b/s1", "b/s2", "c/s2"], scoped.Select(entry => $"{entry.Id}/{entry.SubsetLabel}"));
    }

    [Fact]
    public void Apply_NoIdInAnySubset_ThrowsNamingSubsets()
    {
        var scope = new AnalysisScope(null, [["x"]], null);

        var error = Assert.Throws<AnalysisArgumentException>(() => scope.Apply(["a"]));

        Assert.Equal("subsets", error.Argument);
    }

    [Fact]
    public void CategoryOf_TwoCategories_JoinsValuesWithAndSkippingMissing()
    {
        var sex = DatasetTable.FromLabels(["a", "b", "c"], ["sex", "sex", "sex"], ["f", null, "m"]);
        var site = DatasetTable.FromLabels(["a", "b"], ["site", "site"], ["lux", "bonn"]);
        var scope = new AnalysisScope(null, null, [sex, site]);

        Assert.Equal("f AND lux", scope.CategoryOf("a"));
        Assert.Equal("bonn", scope.CategoryOf("b"));
        Assert.Equal("m", scope.CategoryOf("c"));
    }

    [Fact]
    public void CategoryOf_IdWithOnlyMissingValues_IsEmptyGroup()
    {
        var sex = DatasetTable.FromLabels(["a"], ["sex"], [null]);
        var scope = new AnalysisScope(null, null, [sex]);

        Assert.Equal(string.Empty, scope.CategoryOf("a"));
    }

    [Fact]
    public void CategoryOf_IdAbsentFromCategories_IsNull()
    {
        var sex = DatasetTable.FromLabels(["a"], ["sex"], ["f"]);
        var scope = new AnalysisScope(null, null, [sex]);

        Assert.Null(scope.CategoryOf("z"));
    }

    [Fact]
    public void Constructor_NumericCategory_ThrowsNamingCategories()
    {
        var age = DatasetTable.FromNumbers(DataType.Numerical, ["a"], ["age"], [3]);

        var error = Assert.Throws<AnalysisArgumentException>(() => new AnalysisScope(null, null, [age]));

        Assert.Equal("categories", error.Argument);
    }

    [Fact]
    public void Group_CategoriesAndSubsets_OrdersByFirstCategoryThenSubsetAndDropsUncategorised()
    {
        var sex = DatasetTable.FromLabels(["a", "b", "c"], ["sex", "sex", "sex"], ["m", "f", "m"]);
        var scope = new AnalysisScope(null, [["a", "b"], ["a", "c", "d"]], [sex]);

        var groups = AnalysisScope.Group(scope.Apply(["a", "b", "c", "d"]));

        Assert.Equal(
            ["m/s1:a", "m/s2:a,c", "f/s1:b"],
            groups.Select(group => $"{group.Category}/{group.SubsetLabel}:{string.Join(',', group.Ids)}"));
    }
}
