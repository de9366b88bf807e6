using System.Text.Json;
using System.Text.Json.Nodes;
using Fractal.FunctionApp.Tasks.Definitions;
using Fractal.FunctionApp.Tasks.Models.FrontierAggregation;
using Fractal.FunctionApp.Tasks.Models.LogIngest;

namespace Fractal.FunctionApp.Tasks.Models.IngestAndAggregate;

/// <summary>
/// <c>ingest-and-aggregate</c>: chains <c>log-ingest</c> and <c>frontier-aggregation</c> as two sub-orchestrations, the
/// aggregation reading the log set the ingest loaded (named after the task unless <c>ingest.dataset</c> names it).
/// </summary>
public sealed class IngestAndAggregateModel : IChainedTaskModel
{
    public const string ModelName = "ingest-and-aggregate";

    private readonly LogIngestModel _ingest;
    private readonly FrontierAggregationModel _aggregate;

    public IngestAndAggregateModel(LogIngestModel ingest, FrontierAggregationModel aggregate)
    {
        _ingest = ingest;
        _aggregate = aggregate;
    }

    public string Name => ModelName;

    public string Description => "Runs log-ingest, then frontier-aggregation over the log set it loaded, as two sub-orchestrations.";

    public int StepCount => 2;

    public JsonObject Parameters
    {
        get
        {
            var aggregate = _aggregate.Parameters;
            aggregate["properties"]!.AsObject().Remove("dataset");
            aggregate["properties"]!.AsObject().Remove("demo");
            aggregate.Remove("description");
            return new JsonObject
            {
                ["type"] = "object",
                ["required"] = new JsonArray("ingest"),
                ["properties"] = new JsonObject { ["ingest"] = _ingest.Parameters, ["aggregate"] = aggregate },
            };
        }
    }

    public JsonElement Example => TaskParameters.ToJson(new IngestAndAggregateParams
    {
        Ingest = TaskParameters.ToJson(TaskParameters.Read<LogIngestParams>(_ingest.Example) with { Dataset = null }),
        Aggregate = JsonSerializer.SerializeToElement(new { bucket_seconds = 60, partitions = 2 }),
    });

    public JsonElement Validate(JsonElement parameters)
    {
        var read = TaskParameters.Read<IngestAndAggregateParams>(parameters);
        if (read.Aggregate is { ValueKind: JsonValueKind.Object } given && (given.TryGetProperty("dataset", out _) || given.TryGetProperty("demo", out _)))
        {
            throw new TaskParameterException("params.aggregate", "params.aggregate reads the log set the ingest loads: it takes no dataset or demo.");
        }

        var ingest = Nested(() => _ingest.Validate(read.Ingest ?? throw new TaskParameterException("params.ingest", "params.ingest holds log-ingest's parameters.")), "ingest");
        var aggregate = Nested(() => _aggregate.Validate(WithDataset(read.Aggregate, "validating")), "aggregate");
        var normalized = JsonSerializer.SerializeToNode(aggregate)!.AsObject();
        normalized.Remove("dataset");
        normalized.Remove("demo");
        return TaskParameters.ToJson(new IngestAndAggregateParams { Ingest = ingest, Aggregate = JsonSerializer.SerializeToElement(normalized) });
    }

    public TaskStep? NextStep(TaskContext task, JsonElement parameters, IReadOnlyList<JsonElement> outputs)
    {
        ArgumentNullException.ThrowIfNull(task);
        ArgumentNullException.ThrowIfNull(outputs);
        var read = TaskParameters.Read<IngestAndAggregateParams>(parameters);
        switch (outputs.Count)
        {
            case 0:
                var ingest = TaskParameters.Read<LogIngestParams>(read.Ingest!.Value);
                return new TaskStep(LogIngestModel.ModelName, TaskParameters.ToJson(ingest with { Dataset = ingest.Dataset ?? task.TaskId }));
            case 1:
                var dataset = outputs[0].GetProperty("dataset").GetString()!;
                return new TaskStep(FrontierAggregationModel.ModelName, WithDataset(read.Aggregate, dataset));
            default:
                return null;
        }
    }

    public JsonElement Combine(JsonElement parameters, IReadOnlyList<JsonElement> outputs)
    {
        ArgumentNullException.ThrowIfNull(outputs);
        return JsonSerializer.SerializeToElement(new { ingest = outputs[0], aggregate = outputs[1] });
    }

    public JsonElement Summarize(JsonElement output) =>
        JsonSerializer.SerializeToElement(new { ingest = output.GetProperty("ingest"), aggregate = _aggregate.Summarize(output.GetProperty("aggregate")) });

    private static JsonElement WithDataset(JsonElement? aggregate, string dataset)
    {
        var node = aggregate is { ValueKind: JsonValueKind.Object } given ? JsonSerializer.SerializeToNode(given)!.AsObject() : [];
        node["dataset"] = dataset;
        return JsonSerializer.SerializeToElement(node);
    }

    private static JsonElement Nested(Func<JsonElement> validate, string part)
    {
        try
        {
            return validate();
        }
        catch (TaskParameterException error) when (!error.Field.StartsWith($"params.{part}", StringComparison.Ordinal))
        {
            var field = $"params.{part}" + error.Field["params".Length..];
            throw new TaskParameterException(field, error.Message.Replace("params.", $"params.{part}.", StringComparison.Ordinal));
        }
    }
}
