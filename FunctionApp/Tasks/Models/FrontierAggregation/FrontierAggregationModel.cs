using System.Text.Json;
using System.Text.Json.Nodes;
using Fractal.Domain.Data;
using Fractal.FunctionApp.Tasks.Definitions;
using Fractal.FunctionApp.Tasks.Models.LogIngest;

namespace Fractal.FunctionApp.Tasks.Models.FrontierAggregation;

/// <summary>
/// <c>frontier-aggregation</c>: counts a large log set's rows per time bucket and key, with hit ratios, as the ATLAS
/// Frontier analytics did, split over N partitions (rows by a stable hash of their id, or generated rows by range)
/// whose counts the combine adds up.
/// </summary>
public sealed class FrontierAggregationModel : IPartitionedTaskModel
{
    public const string ModelName = "frontier-aggregation";

    /// <summary>The most groups an output lists; the counts per key and the totals cover every group.</summary>
    public const int MaxListedGroups = 1_000;

    private readonly LogsetStore _logsets;

    public FrontierAggregationModel(LogsetStore logsets)
    {
        _logsets = logsets;
    }

    public string Name => ModelName;

    public string Description =>
        "Counts log rows per time bucket and key with hit ratios (Frontier-style), over a log set from log-ingest or generated Frontier logs, split over N partitions.";

    public JsonObject Parameters => new()
    {
        ["type"] = "object",
        ["description"] = "Exactly one of dataset and demo.",
        ["properties"] = new JsonObject
        {
            ["dataset"] = new JsonObject { ["type"] = "string", ["description"] = "A log set that log-ingest loaded." },
            ["demo"] = new JsonObject
            {
                ["type"] = "object",
                ["description"] = "Generated Frontier access logs (time, site, status).",
                ["required"] = new JsonArray("rows"),
                ["properties"] = new JsonObject
                {
                    ["rows"] = new JsonObject { ["type"] = "integer", ["minimum"] = 1, ["maximum"] = 100_000_000 },
                    ["seed"] = new JsonObject { ["type"] = "integer", ["default"] = 1 },
                },
            },
            ["time_field"] = new JsonObject { ["type"] = "string", ["default"] = "time" },
            ["key_field"] = new JsonObject { ["type"] = "string", ["default"] = "site" },
            ["hit_field"] = new JsonObject { ["type"] = new JsonArray("string", "null"), ["default"] = "status" },
            ["hit_value"] = new JsonObject { ["type"] = "string", ["default"] = "hit" },
            ["bucket_seconds"] = new JsonObject { ["type"] = "integer", ["minimum"] = 1, ["default"] = 3600 },
            ["partitions"] = new JsonObject { ["type"] = "integer", ["minimum"] = 1, ["maximum"] = FrontierAggregationParams.MaxPartitions, ["default"] = 4 },
        },
    };

    public JsonElement Example => TaskParameters.ToJson(new FrontierAggregationParams { Demo = new DemoLogOptions(200_000, 7), Partitions = 4 });

    public JsonElement Validate(JsonElement parameters)
    {
        var read = TaskParameters.Read<FrontierAggregationParams>(parameters);
        var error = (read.Dataset, read.Demo) switch
        {
            (null, null) or (not null, not null) => ("params.dataset", "Give exactly one of params.dataset (a log set) and params.demo (generated logs)."),
            (not null, _) when !LogsetStore.IsValidName(read.Dataset) => ("params.dataset", "params.dataset must be 1-64 letters, digits, - or _."),
            (_, { Rows: < 1 or > 100_000_000 }) => ("params.demo.rows", "params.demo.rows must be between 1 and 100,000,000."),
            _ when read.BucketSeconds < 1 => ("params.bucket_seconds", "params.bucket_seconds must be at least 1."),
            _ when read.Partitions is < 1 or > FrontierAggregationParams.MaxPartitions => ("params.partitions", $"params.partitions must be between 1 and {FrontierAggregationParams.MaxPartitions}."),
            _ when string.IsNullOrWhiteSpace(read.TimeField) => ("params.time_field", "params.time_field must name a field."),
            _ when string.IsNullOrWhiteSpace(read.KeyField) => ("params.key_field", "params.key_field must name a field."),
            _ => default((string, string)?),
        };
        if (error is var (field, message))
        {
            throw new TaskParameterException(field, message);
        }

        return TaskParameters.ToJson(read);
    }

    public async Task<IReadOnlyList<JsonElement>> PlanAsync(TaskContext task, JsonElement parameters, CancellationToken cancellationToken)
    {
        var read = TaskParameters.Read<FrontierAggregationParams>(parameters);
        if (read.Dataset is { } dataset)
        {
            var manifest = await _logsets.GetManifestAsync(dataset, cancellationToken)
                ?? throw new InvalidOperationException($"There is no log set '{dataset}' (params.dataset); load it with log-ingest first.");
            Field(manifest, read.TimeField, "time_field");
            Field(manifest, read.KeyField, "key_field");
        }

        return [.. Enumerable.Range(0, read.Partitions).Select(index => JsonSerializer.SerializeToElement(index))];
    }

    public async Task<JsonElement> ProcessAsync(TaskContext task, JsonElement parameters, JsonElement partition, CancellationToken cancellationToken)
    {
        var read = TaskParameters.Read<FrontierAggregationParams>(parameters);
        var index = partition.GetInt32();
        var rows = read.Demo is { } demo
            ? DemoRows(demo, index, read.Partitions)
            : await LogsetRowsAsync(read, index, cancellationToken);
        return TaskParameters.ToJson(LogAggregation.Count(rows, read.BucketSeconds, read.HitField is null ? null : read.HitValue));
    }

    public Task<JsonElement> CombineAsync(TaskContext task, JsonElement parameters, IReadOnlyList<JsonElement> parts, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(parts);
        var read = TaskParameters.Read<FrontierAggregationParams>(parameters);
        var all = LogAggregation.Combine(parts.Select(part => part.Deserialize<AggregationPart>(TaskParameters.Json)!));
        var counted = all.Groups.Sum(group => group.Count);
        return Task.FromResult(TaskParameters.ToJson(new
        {
            rows = all.Rows,
            skipped = all.Skipped,
            partitions = parts.Count,
            bucket_seconds = read.BucketSeconds,
            buckets = all.Groups.Select(group => group.Bucket).Distinct().Count(),
            hit_ratio = counted == 0 ? 0 : (double)all.Groups.Sum(group => group.Hits) / counted,
            keys = LogAggregation.PerKey(all.Groups),
            groups_total = all.Groups.Count,
            groups = all.Groups.Take(MaxListedGroups),
        }));
    }

    public JsonElement Summarize(JsonElement output)
    {
        var summary = JsonSerializer.SerializeToNode(output)!.AsObject();
        summary.Remove("groups");
        return JsonSerializer.SerializeToElement(summary);
    }

    private static IEnumerable<LogRow> DemoRows(DemoLogOptions demo, int index, int count)
    {
        var (first, rows) = DemoLogs.Range(demo.Rows, index, count);
        return DemoLogs.Rows(demo.Seed, first, rows);
    }

    private async Task<IEnumerable<LogRow>> LogsetRowsAsync(FrontierAggregationParams read, int index, CancellationToken cancellationToken)
    {
        var manifest = await _logsets.GetManifestAsync(read.Dataset!, cancellationToken)
            ?? throw new InvalidOperationException($"There is no log set '{read.Dataset}' (params.dataset).");
        var times = await ReadAsync(manifest, Field(manifest, read.TimeField, "time_field"), cancellationToken);
        var keys = Labels(await ReadAsync(manifest, Field(manifest, read.KeyField, "key_field"), cancellationToken));
        var hits = read.HitField is { } hitField && manifest.Fields.Any(f => f.Name == hitField)
            ? Labels(await ReadAsync(manifest, Field(manifest, hitField, "hit_field"), cancellationToken))
            : [];
        return times.SelectMany(table => Enumerable.Range(0, table.RowCount)
            .Where(row => LogAggregation.InPartition(table.Ids[row], index, read.Partitions))
            .Select(row => new LogRow(table.Ids[row], table.DataType.IsNumeric() ? table.Numbers[row] : double.NaN, keys.GetValueOrDefault(table.Ids[row]), hits.GetValueOrDefault(table.Ids[row]))));
    }

    private async Task<IReadOnlyList<DatasetTable>> ReadAsync(LogsetManifest manifest, int field, CancellationToken cancellationToken) =>
        await _logsets.ReadFieldAsync(manifest.Dataset, field, manifest.Fields[field].Parts, cancellationToken);

    private static Dictionary<string, string?> Labels(IReadOnlyList<DatasetTable> tables)
    {
        var labels = new Dictionary<string, string?>(StringComparer.Ordinal);
        foreach (var table in tables)
        {
            for (var row = 0; row < table.RowCount; row++)
            {
                labels[table.Ids[row]] = table.DataType.IsNumeric() ? table.Numbers[row].ToString(System.Globalization.CultureInfo.InvariantCulture) : table.Labels[row];
            }
        }

        return labels;
    }

    private static int Field(LogsetManifest manifest, string name, string parameter)
    {
        for (var i = 0; i < manifest.Fields.Count; i++)
        {
            if (manifest.Fields[i].Name == name)
            {
                return i;
            }
        }

        throw new InvalidOperationException(
            $"The log set '{manifest.Dataset}' has no field '{name}' (params.{parameter}); its fields are {string.Join(", ", manifest.Fields.Select(f => f.Name))}.");
    }
}
