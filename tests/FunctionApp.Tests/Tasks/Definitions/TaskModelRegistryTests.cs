using Fractal.FunctionApp.Tasks;
using Fractal.FunctionApp.Tasks.Definitions;
using Fractal.FunctionApp.Tasks.Models.FrontierAggregation;
using Fractal.FunctionApp.Tests.Tasks.Models;
using Microsoft.Extensions.Options;

namespace Fractal.FunctionApp.Tests.Tasks.Definitions;

public sealed class TaskModelRegistryTests : IDisposable
{
    private readonly TaskModels _models = new();

    [Fact]
    public void Accepted_Star_IsEveryShippedModelInRegistrationOrder()
    {
        var registry = Registry("*");

        Assert.Equal(["log-ingest", "frontier-aggregation", "ingest-and-aggregate"], registry.Accepted.Select(m => m.Name));
    }

    [Fact]
    public void Get_AModelNotAccepted_RefusesNamingModelAndListingTheAccepted()
    {
        var registry = Registry("frontier-aggregation, ingest-and-aggregate");

        var error = Assert.Throws<TaskParameterException>(() => registry.Get("log-ingest"));

        Assert.Equal("model", error.Field);
        Assert.Contains("the accepted models are frontier-aggregation, ingest-and-aggregate", error.Message, StringComparison.Ordinal);
        Assert.IsType<FrontierAggregationModel>(registry.Get("frontier-aggregation"));
    }

    [Fact]
    public void Get_SettingUnset_AcceptsNone()
    {
        var error = Assert.Throws<TaskParameterException>(() => Registry(null).Get("frontier-aggregation"));

        Assert.Contains("accepts none (FRACTAL_ACCEPTED_MODELS)", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Shipped_AChainsStepNotItselfAccepted_IsFoundForTheActivities()
    {
        var registry = Registry("ingest-and-aggregate");

        Assert.IsType<FrontierAggregationModel>(registry.Shipped<IPartitionedTaskModel>("frontier-aggregation"));
    }

    [Fact]
    public async Task Start_AcceptedModelsNamingAModelNotShipped_FailsNamingTheSetting()
    {
        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => AppHost.StartAsync(new Dictionary<string, string?> { ["FRACTAL_ACCEPTED_MODELS"] = "frontier-aggregation,fossa-model" }));

        Assert.Contains("FRACTAL_ACCEPTED_MODELS names 'fossa-model'", error.Message, StringComparison.Ordinal);
    }

    public void Dispose() => _models.Dispose();

    private TaskModelRegistry Registry(string? accepted) =>
        new([_models.Ingest, _models.Aggregate, _models.Chain], Options.Create(new TaskSettings { AcceptedModels = accepted }));
}
