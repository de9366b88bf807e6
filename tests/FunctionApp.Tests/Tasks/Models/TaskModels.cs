using System.Text.Json;
using Fractal.Etl.Handlers;
using Fractal.FunctionApp.Data;
using Fractal.FunctionApp.Storage;
using Fractal.FunctionApp.Tasks.Definitions;
using Fractal.FunctionApp.Tasks.Models.FrontierAggregation;
using Fractal.FunctionApp.Tasks.Models.IngestAndAggregate;
using Fractal.FunctionApp.Tasks.Models.LogIngest;

namespace Fractal.FunctionApp.Tests.Tasks.Models;

/// <summary>The shipped models over an in-memory blob store, with the csv, json and elasticsearch handlers allowed; runs a partitioned model as the orchestration does.</summary>
internal sealed class TaskModels : IDisposable
{
    private readonly EtlHttpClient _http;

    public TaskModels(bool allowLoopback = false)
    {
        var settings = new EtlSettings(name => name switch
        {
            EtlSettings.HandlersSetting => "csv,json,elasticsearch",
            EtlSettings.AllowLoopbackSetting => allowLoopback ? "true" : null,
            _ => null,
        });
        Blobs = new InMemoryBlobStore();
        _http = new EtlHttpClient(settings);
        Logsets = new LogsetStore(Blobs);
        Ingest = new LogIngestModel(EtlHandlerCatalog.CreateRegistry(settings), settings, _http, new UploadStore(Blobs), Logsets);
        Aggregate = new FrontierAggregationModel(Logsets);
        Chain = new IngestAndAggregateModel(Ingest, Aggregate);
    }

    public InMemoryBlobStore Blobs { get; }

    public LogsetStore Logsets { get; }

    public LogIngestModel Ingest { get; }

    public FrontierAggregationModel Aggregate { get; }

    public IngestAndAggregateModel Chain { get; }

    /// <summary>Validate, plan, process every partition, combine: the orchestration's steps in one process.</summary>
    public static async Task<JsonElement> RunAsync(IPartitionedTaskModel model, string taskId, object parameters)
    {
        var checkedParameters = model.Validate(JsonSerializer.SerializeToElement(parameters));
        var task = new TaskContext(taskId);
        var partitions = await model.PlanAsync(task, checkedParameters, CancellationToken.None);
        var parts = new List<JsonElement>();
        foreach (var partition in partitions)
        {
            parts.Add(await model.ProcessAsync(task, checkedParameters, partition, CancellationToken.None));
        }

        return await model.CombineAsync(task, checkedParameters, parts, CancellationToken.None);
    }

    public void Dispose() => _http.Dispose();
}
