using System.Text.Json;
using System.Text.Json.Nodes;
using Fractal.Domain.Data;
using Fractal.Etl.Handlers;
using Fractal.FunctionApp.Data;
using Fractal.FunctionApp.Tasks.Definitions;
using Microsoft.Extensions.Options;

namespace Fractal.FunctionApp.Tasks.Models.LogIngest;

/// <summary>
/// <c>log-ingest</c>: reads logs (CSV, JSON or NDJSON from a URL or inline text, or an Elasticsearch index) through the
/// allow-listed ETL handlers into a log set. One partition per field and handler partition (Elasticsearch slices),
/// each written as Parquet; the combine writes the manifest. Inline text is stored once as the task's upload.
/// </summary>
public sealed class LogIngestModel : IPartitionedTaskModel
{
    public const string ModelName = "log-ingest";

    /// <summary>The handlers that read logs.</summary>
    public static readonly IReadOnlyList<string> LogHandlers = ["csv", "json", "elasticsearch"];

    private const string UploadSession = "tasks";

    private readonly EtlHandlerRegistry _handlers;
    private readonly IOptions<EtlSettings> _settings;
    private readonly EtlHttpClient _http;
    private readonly UploadStore _uploads;
    private readonly LogsetStore _logsets;

    public LogIngestModel(EtlHandlerRegistry handlers, IOptions<EtlSettings> settings, EtlHttpClient http, UploadStore uploads, LogsetStore logsets)
    {
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(http);
        _handlers = handlers;
        _settings = settings;
        _http = http;
        _uploads = uploads;
        _logsets = logsets;
    }

    public string Name => ModelName;

    public string Description =>
        "Loads logs (CSV, JSON or NDJSON from a URL or inline text, or an Elasticsearch index) through the ETL handlers into a log set that other tasks read; one partition per field and source slice.";

    public JsonObject Parameters => new()
    {
        ["type"] = "object",
        ["required"] = new JsonArray("handler", "fields"),
        ["properties"] = new JsonObject
        {
            ["handler"] = new JsonObject { ["type"] = "string", ["enum"] = new JsonArray([.. LogHandlers.Select(h => (JsonNode)h)]) },
            ["server"] = new JsonObject { ["type"] = "string", ["description"] = "The source's URL; omitted when options.data holds the text." },
            ["options"] = new JsonObject { ["type"] = "object", ["description"] = "The handler's options as POST /api/data takes them (data, id_column, index, slices, …)." },
            ["fields"] = new JsonObject
            {
                ["type"] = "array",
                ["minItems"] = 1,
                ["items"] = new JsonObject
                {
                    ["type"] = "object",
                    ["required"] = new JsonArray("field", "data_type"),
                    ["properties"] = new JsonObject
                    {
                        ["field"] = new JsonObject { ["type"] = "string" },
                        ["data_type"] = new JsonObject { ["type"] = "string", ["enum"] = new JsonArray("numerical", "categorical") },
                    },
                },
            },
            ["dataset"] = new JsonObject { ["type"] = "string", ["pattern"] = "^[A-Za-z0-9_-]{1,64}$", ["description"] = "The log set's name; the task's id when omitted." },
        },
    };

    public JsonElement Example => TaskParameters.ToJson(new LogIngestParams
    {
        Handler = "csv",
        Options = JsonSerializer.SerializeToElement(new { data = ExampleLogs.Csv }),
        Fields = [new Descriptor { Field = "time", DataTypeName = "numerical" }, new Descriptor { Field = "site", DataTypeName = "categorical" }, new Descriptor { Field = "status", DataTypeName = "categorical" }],
        Dataset = "example-logs",
    });

    public JsonElement Validate(JsonElement parameters)
    {
        var read = TaskParameters.Read<LogIngestParams>(parameters);
        if (read.Handler is null || !LogHandlers.Contains(read.Handler))
        {
            throw new TaskParameterException("params.handler", $"params.handler must be one of {string.Join(", ", LogHandlers)}; it is '{read.Handler}'.");
        }

        if (read.Dataset is not null && !LogsetStore.IsValidName(read.Dataset))
        {
            throw new TaskParameterException("params.dataset", "params.dataset must be 1-64 letters, digits, - or _.");
        }

        if (read.Fields?.FirstOrDefault(f => f is not null && f.DataTypeName is not ("numerical" or "categorical")) is { } wrong)
        {
            var index = read.Fields.ToList().IndexOf(wrong);
            throw new TaskParameterException($"params.fields[{index}].data_type", $"params.fields[{index}].data_type: a log field is numerical or categorical; it is '{wrong.DataTypeName}'.");
        }

        TaskParameters.ThrowFirst(_handlers.Validate(ToRequest(read)).Select(e => e with { Field = e.Field.Replace("descriptors", "fields", StringComparison.Ordinal) }));
        return TaskParameters.ToJson(read);
    }

    public async Task<IReadOnlyList<JsonElement>> PlanAsync(TaskContext task, JsonElement parameters, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(task);
        var read = TaskParameters.Read<LogIngestParams>(parameters);
        var (source, inline) = ToRequest(read).ToSource().MoveInlineTextToUpload(task.TaskId);
        if (inline is not null)
        {
            await _uploads.SaveAsync(UploadSession, task.TaskId, inline, cancellationToken);
        }

        var dataset = read.Dataset ?? task.TaskId;
        var partitions = new List<JsonElement>();
        for (var field = 0; field < read.Fields!.Count; field++)
        {
            foreach (var partition in await _handlers.PlanAsync(source, read.Fields[field], Context(), cancellationToken))
            {
                partitions.Add(TaskParameters.ToJson(new LogIngestPartition(dataset, field, partition)));
            }
        }

        return partitions;
    }

    public async Task<JsonElement> ProcessAsync(TaskContext task, JsonElement parameters, JsonElement partition, CancellationToken cancellationToken)
    {
        var work = partition.Deserialize<LogIngestPartition>(TaskParameters.Json) ?? throw new InvalidOperationException("The partition is empty.");
        var handler = _handlers.Get(work.Partition.Source.Handler);
        var path = Path.GetTempFileName();
        try
        {
            DatasetPartSummary summary;
            await using (var output = File.Create(path))
            {
                summary = await EtlPartitionLoader.LoadAsync(handler, work.Partition, Context(), output, cancellationToken);
            }

            await using var input = File.OpenRead(path);
            await _logsets.SavePartAsync(work.Dataset, work.FieldIndex, work.Partition.Index, input, cancellationToken);
            return TaskParameters.ToJson(new LogIngestPart(work.FieldIndex, work.Partition.Index, summary.RowCount));
        }
        finally
        {
            File.Delete(path);
        }
    }

    public async Task<JsonElement> CombineAsync(TaskContext task, JsonElement parameters, IReadOnlyList<JsonElement> parts, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(task);
        ArgumentNullException.ThrowIfNull(parts);
        var read = TaskParameters.Read<LogIngestParams>(parameters);
        var stored = parts.Select(part => part.Deserialize<LogIngestPart>(TaskParameters.Json)!).ToList();
        var fields = read.Fields!.Select((descriptor, index) =>
        {
            var mine = stored.Where(part => part.FieldIndex == index).ToList();
            return new LogsetField(descriptor.DisplayLabel, descriptor, mine.Count, mine.Sum(part => part.Rows));
        }).ToList();
        var manifest = new LogsetManifest(read.Dataset ?? task.TaskId, task.TaskId, fields);
        await _logsets.SaveManifestAsync(manifest, cancellationToken);
        await _uploads.DeleteAsync(UploadSession, task.TaskId, cancellationToken);
        return TaskParameters.ToJson(new
        {
            dataset = manifest.Dataset,
            fields = fields.Select(field => new { name = field.Name, data_type = field.Descriptor.DataTypeName, rows = field.Rows, parts = field.Parts }),
        });
    }

    private static EtlRequest ToRequest(LogIngestParams read) => new()
    {
        Handler = read.Handler,
        Server = read.Server,
        Options = read.Options,
        Descriptors = read.Fields,
    };

    private EtlExtractContext Context() => new(_settings.Value)
    {
        HttpClient = _http.Client,
        OpenUpload = async (upload, cancellationToken) => await _uploads.OpenAsync(UploadSession, upload, cancellationToken)
            ?? throw new SourceFailedException($"the task has no upload '{upload}'"),
    };
}
