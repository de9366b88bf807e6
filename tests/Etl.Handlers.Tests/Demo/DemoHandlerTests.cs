using Fractal.Domain.Data;
using Fractal.Etl.Handlers.Demo;
using Fractal.Etl.Handlers.Tests.Support;

namespace Fractal.Etl.Handlers.Tests.Demo;

public sealed class DemoHandlerTests
{
    private readonly DemoHandler _handler = new();

    [Fact]
    public async Task Load_SameSeed_GivesByteIdenticalParquet()
    {
        var source = Requests.Source("demo", new { seed = 7 });

        var first = await EtlRun.LoadAsync(_handler, source, Requests.Array("g_"));
        var second = await EtlRun.LoadAsync(_handler, source, Requests.Array("g_"));

        Assert.Equal(first.Parquet, second.Parquet);
    }

    [Fact]
    public async Task Extract_OtherSeed_GivesOtherValues()
    {
        var first = await EtlRun.ExtractAsync(_handler, Requests.Source("demo", new { seed = 1 }), Requests.Numerical("age"));
        var second = await EtlRun.ExtractAsync(_handler, Requests.Source("demo", new { seed = 2 }), Requests.Numerical("age"));

        Assert.NotEqual(first.Numbers, second.Numbers);
    }

    [Fact]
    public async Task Extract_GenePrefix_Gives200FeaturesFor500Subjects()
    {
        var table = await EtlRun.ExtractAsync(_handler, Requests.Source("demo", new { }), Requests.Array("g_"));

        Assert.Equal(500 * 200, table.RowCount);
        Assert.Equal(200, table.DistinctFeatures().Count);
        Assert.Equal(500, table.Ids.Distinct().Count());
    }

    [Fact]
    public async Task Extract_DifferentiallyExpressedGene_IsHigherInCohortB()
    {
        var source = Requests.Source("demo", new { });
        var cohorts = await EtlRun.ExtractAsync(_handler, source, Requests.Categorical("cohort"));
        var gene = await EtlRun.ExtractAsync(_handler, source, Requests.Numerical("g_0003"));
        var cohortOf = cohorts.Ids.Zip(cohorts.Labels).ToDictionary(pair => pair.First, pair => pair.Second);

        double MeanIn(string cohort) => gene.Ids.Zip(gene.Numbers).Where(pair => cohortOf[pair.First] == cohort).Average(pair => pair.Second);

        Assert.True(MeanIn("B") - MeanIn("A") > 1, $"B {MeanIn("B")} vs A {MeanIn("A")}");
    }

    [Fact]
    public async Task Extract_Survival_HasEventsAndCensoring()
    {
        var table = await EtlRun.ExtractAsync(_handler, Requests.Source("demo", new { }), Requests.Survival("os_months", "os_event"));
        var events = table.Numbers.Where((_, i) => table.Features[i] == DatasetTable.EventFeature).ToArray();

        Assert.Equal(1000, table.RowCount);
        Assert.Contains(1.0, events);
        Assert.Contains(0.0, events);
    }

    [Fact]
    public void Validate_UnknownField_NamesTheDescriptor()
    {
        var request = Requests.Parse("""{"handler":"demo","descriptors":[{"field":"age","data_type":"numerical"},{"field":"weight","data_type":"numerical"}]}""");

        var error = Assert.Single(_handler.Validate(request));

        Assert.Equal("descriptors[1]", error.Field);
        Assert.Contains("weight", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_NegativeSeed_NamesOptionsSeed()
    {
        var request = Requests.Parse("""{"handler":"demo","descriptors":[{"field":"age","data_type":"numerical"}],"options":{"seed":-1}}""");

        var error = Assert.Single(_handler.Validate(request));

        Assert.Equal("options.seed", error.Field);
    }
}
