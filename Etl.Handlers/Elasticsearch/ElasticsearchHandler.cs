using System.Runtime.CompilerServices;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Fractal.Domain.Data;
using Fractal.Etl.Handlers.Json;

namespace Fractal.Etl.Handlers.Elasticsearch;

/// <summary>
/// <c>elasticsearch</c>: documents of <c>options.index</c> that match <c>options.query</c>, read through
/// the <c>_search</c> API page by page with <c>search_after</c> on <c>options.sort_fields</c> (default:
/// the time field, then a source id column). Descriptor fields are paths into <c>_source</c>; the id is
/// the hit's <c>_id</c> unless <c>options.id_column</c> names a source field. With <c>time_field</c>,
/// <c>from</c>, <c>to</c> and <c>slices</c>, the plan splits [from, to] into time slices, one partition
/// each. The request's token goes out as <c>Authorization: ApiKey</c> (or <c>Bearer</c>, by <c>options.auth_scheme</c>).
/// </summary>
public sealed class ElasticsearchHandler : IEtlHandler
{
    public const string HandlerName = "elasticsearch";

    public string Name => HandlerName;

    public string Description => "Documents of options.index matching options.query, paged with search_after; time slices by time_field, from, to and slices.";

    public IReadOnlyList<FieldError> Validate(EtlRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var errors = new List<FieldError>();
        ElasticsearchOptions.Validate(request, errors);
        return errors;
    }

    public PartitionRequest? RequestedPartitions(EtlRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        return new(ElasticsearchOptions.SlicesOption, new ElasticsearchOptions(new EtlOptions(request.Options)).Slices);
    }

    public Task<IReadOnlyList<EtlPartition>> PlanAsync(EtlSource source, Descriptor descriptor, EtlExtractContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(source);
        var slices = new ElasticsearchOptions(source.OptionValues).TimeSlices();
        IReadOnlyList<EtlPartition> partitions = slices.Count == 0
            ? [new EtlPartition(source, descriptor, 0, 1)]
            : [.. slices.Select((slice, index) => new EtlPartition(source, descriptor, index, slices.Count, slice))];
        return Task.FromResult(partitions);
    }

    public async IAsyncEnumerable<DatasetTable> ExtractAsync(EtlPartition partition, EtlExtractContext context, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(partition);
        ArgumentNullException.ThrowIfNull(context);
        var options = new ElasticsearchOptions(partition.Source.OptionValues);
        var url = new Uri(new Uri(partition.Source.Server!.TrimEnd('/') + "/"), Uri.EscapeDataString(options.Index).Replace("%2A", "*", StringComparison.Ordinal) + "/_search");
        var useHitId = options.IdColumn == ElasticsearchOptions.HitId;
        var shaper = new JsonRecordShaper(partition.Descriptor, useHitId ? "id" : options.IdColumn, context.Settings.BatchRows);
        JsonNode? searchAfter = null;
        while (true)
        {
            var body = BuildSearch(options, partition, searchAfter);
            using var page = await SearchAsync(context, url, options.AuthScheme, body, cancellationToken);
            var hits = ReadHits(page.RootElement);
            foreach (var hit in hits)
            {
                var source = hit.TryGetProperty("_source", out var document) ? document : default;
                shaper.Add(source, useHitId ? JsonValues.ToId(hit.TryGetProperty("_id", out var id) ? id : null) : null);
                if (shaper.IsFull)
                {
                    yield return shaper.TakeBatch();
                }
            }

            if (hits.Count < options.PageSize)
            {
                break;
            }

            searchAfter = hits[^1].TryGetProperty("sort", out var sort)
                ? JsonNode.Parse(sort.GetRawText())
                : throw new SourceFailedException("the search answered hits without sort values, so it cannot be paged");
        }

        if (shaper.Finish() is { } last)
        {
            yield return last;
        }
    }

    private static JsonObject BuildSearch(ElasticsearchOptions options, EtlPartition partition, JsonNode? searchAfter)
    {
        var filters = new JsonArray { options.Query is { } query ? JsonNode.Parse(query.GetRawText()) : new JsonObject { ["match_all"] = new JsonObject() } };
        if (partition.Range is { } range && options.TimeField is { } timeField)
        {
            filters.Add(new JsonObject
            {
                ["range"] = new JsonObject
                {
                    [timeField] = new JsonObject { ["gte"] = range.Lower, [range.UpperInclusive ? "lte" : "lt"] = range.Upper },
                },
            });
        }

        var shape = DescriptorShape.Resolve(partition.Descriptor, null);
        var fields = new JsonArray();
        foreach (var field in shape.SourceFields.Append(options.IdColumn).Where(field => field != ElasticsearchOptions.HitId).Distinct(StringComparer.Ordinal))
        {
            fields.Add(field.StartsWith("$.", StringComparison.Ordinal) ? field[2..] : field);
        }

        var sort = new JsonArray();
        foreach (var field in options.SortFields)
        {
            sort.Add(new JsonObject { [field] = "asc" });
        }

        var search = new JsonObject
        {
            ["size"] = options.PageSize,
            ["query"] = new JsonObject { ["bool"] = new JsonObject { ["filter"] = filters } },
            ["_source"] = fields,
            ["sort"] = sort,
            ["track_total_hits"] = false,
        };
        if (searchAfter is not null)
        {
            search["search_after"] = searchAfter;
        }

        return search;
    }

    private static async Task<JsonDocument> SearchAsync(EtlExtractContext context, Uri url, string scheme, JsonObject body, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, url)
        {
            Content = new StringContent(body.ToJsonString(), Encoding.UTF8, "application/json"),
        };
        SourceHttp.Authorize(request, context.Token, scheme);
        return await SourceHttp.ReadJsonAsync(context, request, cancellationToken);
    }

    private static List<JsonElement> ReadHits(JsonElement page)
    {
        if (page.TryGetProperty("timed_out", out var timedOut) && timedOut.ValueKind == JsonValueKind.True)
        {
            throw new SourceTransientException("the search timed out");
        }

        return page.TryGetProperty("hits", out var outer) && outer.TryGetProperty("hits", out var hits) && hits.ValueKind == JsonValueKind.Array
            ? [.. hits.EnumerateArray()]
            : throw new SourceFailedException("the search answer has no hits.hits");
    }
}
