using System.Text.Json;
using Fractal.FunctionApp.Tasks.Definitions;

namespace Fractal.FunctionApp.Tests.Tasks.Models.FrontierAggregation;

public sealed class FrontierAggregationModelTests : IDisposable
{
    private readonly TaskModels _models = new();

    [Fact]
    public async Task Run_DemoLogsInSevenPartitions_MatchesOnePartition()
    {
        var seven = await TaskModels.RunAsync(_models.Aggregate, "t1", new { demo = new { rows = 30_000, seed = 2 }, partitions = 7, bucket_seconds = 900 });
        var one = await TaskModels.RunAsync(_models.Aggregate, "t2", new { demo = new { rows = 30_000, seed = 2 }, partitions = 1, bucket_seconds = 900 });

        Assert.Equal(30_000, seven.GetProperty("rows").GetInt64());
        Assert.Equal(7, seven.GetProperty("partitions").GetInt32());
        Assert.Equal(one.GetProperty("groups").GetRawText(), seven.GetProperty("groups").GetRawText());
        Assert.Equal(one.GetProperty("keys").GetRawText(), seven.GetProperty("keys").GetRawText());
        Assert.Equal(30_000, seven.GetProperty("keys").EnumerateArray().Sum(k => k.GetProperty("count").GetInt64()));
    }

    [Fact]
    public async Task Run_TheCatalogsExample_Completes()
    {
        var output = await TaskModels.RunAsync(_models.Aggregate, "t3", _models.Aggregate.Example);

        Assert.Equal(200_000, output.GetProperty("rows").GetInt64());
        Assert.InRange(output.GetProperty("hit_ratio").GetDouble(), 0.5, 1);
    }

    [Fact]
    public async Task Plan_ALogSetThatDoesNotExist_FailsNamingIt()
    {
        var parameters = _models.Aggregate.Validate(JsonSerializer.SerializeToElement(new { dataset = "nothing-here" }));

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => _models.Aggregate.PlanAsync(new TaskContext("t"), parameters, CancellationToken.None));

        Assert.Contains("'nothing-here'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Summarize_AnOutput_DropsTheGroupsAndKeepsTheTotals()
    {
        var output = JsonSerializer.SerializeToElement(new { rows = 3, groups = new[] { 1, 2 }, groups_total = 2 });

        var summary = _models.Aggregate.Summarize(output);

        Assert.False(summary.TryGetProperty("groups", out _));
        Assert.Equal(2, summary.GetProperty("groups_total").GetInt32());
    }

    [Theory]
    [InlineData("""{}""", "params.dataset")]
    [InlineData("""{"dataset": "a", "demo": {"rows": 1}}""", "params.dataset")]
    [InlineData("""{"dataset": "../etc"}""", "params.dataset")]
    [InlineData("""{"demo": {"rows": 0}}""", "params.demo.rows")]
    [InlineData("""{"demo": {"rows": 10}, "bucket_seconds": 0}""", "params.bucket_seconds")]
    [InlineData("""{"demo": {"rows": 10}, "partitions": 257}""", "params.partitions")]
    [InlineData("""{"demo": {"rows": 10}, "key_field": ""}""", "params.key_field")]
    [InlineData("""{"demo": {"rows": 10}, "partitions": "four"}""", "params.partitions")]
    public void Validate_BadParameters_NamesTheField(string parameters, string field)
    {
        var error = Assert.Throws<TaskParameterException>(() => _models.Aggregate.Validate(JsonDocument.Parse(parameters).RootElement));

        Assert.Equal(field, error.Field);
    }

    [Fact]
    public void Validate_Defaults_AreFilledIn()
    {
        var parameters = _models.Aggregate.Validate(JsonDocument.Parse("""{"demo": {"rows": 10}}""").RootElement);

        Assert.Equal(("time", "site", "status", 3600L, 4), (parameters.GetProperty("time_field").GetString(), parameters.GetProperty("key_field").GetString(),
            parameters.GetProperty("hit_field").GetString(), parameters.GetProperty("bucket_seconds").GetInt64(), parameters.GetProperty("partitions").GetInt32()));
    }

    public void Dispose() => _models.Dispose();
}
