using Fractal.Durable.Hosting;

namespace Fractal.Durable.Tests.Hosting;

public sealed class FunctionCatalogTests
{
    [Fact]
    public void Discover_TypeWithFunctions_FindsEveryFunctionByName()
    {
        var catalog = FunctionCatalog.Discover([typeof(SampleFunctions)]);

        Assert.Equal(["Broken", "DefaultRoute", "Echo", "Guarded", "Item", "Open"], catalog.Names.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Discover_RouteUnset_UsesFunctionName()
    {
        var catalog = FunctionCatalog.Discover([typeof(SampleFunctions)]);

        Assert.Equal("DefaultRoute", Assert.Single(catalog.HttpFunctions, f => f.Function.Name == "DefaultRoute").Route);
    }

    [Fact]
    public void Discover_TypeWithoutFunctions_FindsNone()
    {
        var catalog = FunctionCatalog.Discover([typeof(string)]);

        Assert.Empty(catalog.Names);
    }

    [Fact]
    public void Discover_TwoFunctionsWithOneName_Throws()
    {
        var error = Assert.Throws<InvalidOperationException>(() => FunctionCatalog.Discover([typeof(DuplicateNameFunctions)]));

        Assert.Contains("'Same'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Discover_FunctionWithoutTrigger_Throws()
    {
        var error = Assert.Throws<InvalidOperationException>(() => FunctionCatalog.Discover([typeof(TriggerlessFunctions)]));

        Assert.Contains("no trigger", error.Message, StringComparison.Ordinal);
    }
}
