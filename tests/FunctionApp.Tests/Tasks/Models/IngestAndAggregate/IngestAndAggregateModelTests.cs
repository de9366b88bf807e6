using System.Text.Json;
using Fractal.FunctionApp.Tasks.Definitions;

namespace Fractal.FunctionApp.Tests.Tasks.Models.IngestAndAggregate;

public sealed class IngestAndAggregateModelTests : IDisposable
{
    private readonly TaskModels _models = new();

    [Fact]
    public void NextStep_TheChain_IngestsIntoTheTasksLogSetThenAggregatesItThenStops()
    {
        var parameters = _models.Chain.Validate(_models.Chain.Example);
        var task = new TaskContext("chain-1");

        var first = _models.Chain.NextStep(task, parameters, [])!;
        var second = _models.Chain.NextStep(task, parameters, [JsonSerializer.SerializeToElement(new { dataset = "chain-1" })])!;
        var done = _models.Chain.NextStep(task, parameters, [JsonSerializer.SerializeToElement(new { dataset = "chain-1" }), default]);

        Assert.Equal(("log-ingest", "chain-1"), (first.Model, first.Parameters.GetProperty("dataset").GetString()));
        Assert.Equal(("frontier-aggregation", "chain-1", 60L), (second.Model, second.Parameters.GetProperty("dataset").GetString(), second.Parameters.GetProperty("bucket_seconds").GetInt64()));
        Assert.Null(done);
        Assert.Equal(2, _models.Chain.StepCount);
    }

    [Fact]
    public async Task Steps_RunInTurn_AggregateWhatTheIngestLoaded()
    {
        var parameters = _models.Chain.Validate(_models.Chain.Example);
        var task = new TaskContext("chain-2");
        var outputs = new List<JsonElement>();
        while (_models.Chain.NextStep(task, parameters, outputs) is { } step)
        {
            var model = step.Model == _models.Ingest.Name ? (IPartitionedTaskModel)_models.Ingest : _models.Aggregate;
            outputs.Add(await TaskModels.RunAsync(model, task.TaskId, step.Parameters));
        }

        var output = _models.Chain.Combine(parameters, outputs);

        Assert.Equal(6, output.GetProperty("aggregate").GetProperty("rows").GetInt64());
        Assert.Equal("chain-2", output.GetProperty("ingest").GetProperty("dataset").GetString());
        Assert.False(_models.Chain.Summarize(output).GetProperty("aggregate").TryGetProperty("groups", out _));
    }

    [Theory]
    [InlineData("""{}""", "params.ingest")]
    [InlineData("""{"ingest": {"handler": "csv", "options": {"data": "x"}}}""", "params.ingest.fields")]
    [InlineData("""{"ingest": {"handler": "csv", "options": {"data": "id,a\n1,2\n"}, "fields": [{"field": "a", "data_type": "numerical"}]}, "aggregate": {"partitions": 0}}""", "params.aggregate.partitions")]
    [InlineData("""{"ingest": {"handler": "csv", "options": {"data": "id,a\n1,2\n"}, "fields": [{"field": "a", "data_type": "numerical"}]}, "aggregate": {"demo": {"rows": 3}}}""", "params.aggregate")]
    public void Validate_BadParameters_NamesTheNestedField(string parameters, string field)
    {
        var error = Assert.Throws<TaskParameterException>(() => _models.Chain.Validate(JsonDocument.Parse(parameters).RootElement));

        Assert.Equal(field, error.Field);
    }

    public void Dispose() => _models.Dispose();
}
