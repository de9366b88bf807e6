using System.Globalization;
using System.Net;
using System.Text.Json.Nodes;
using Fractal.Etl.Handlers.Tests.Support;

namespace Fractal.Etl.Handlers.Tests.Elasticsearch;

/// <summary>
/// A local server that answers <c>POST /{index}/_search</c> as Elasticsearch 8 does: bool filters
/// (match_all, term, range), sort, size and search_after, with real-shaped bodies (took, _shards,
/// hits.total, hits.hits[]._index/_id/_score/_source/sort), and 401 with a security_exception body.
/// </summary>
internal sealed class FakeElasticsearch : IAsyncDisposable
{
    private readonly List<(string Id, JsonObject Source)> _documents;
    private readonly string _index;
    private readonly string _authorization;
    private readonly LocalHttpServer _server;

    public FakeElasticsearch(string index, IEnumerable<(string Id, JsonObject Source)> documents, string authorization)
    {
        _index = index;
        _documents = [.. documents];
        _authorization = authorization;
        _server = new LocalHttpServer(RespondAsync);
    }

    public string Url => _server.BaseUrl;

    public List<JsonObject> Searches { get; } = [];

    public ValueTask DisposeAsync() => _server.DisposeAsync();

    private async Task RespondAsync(HttpListenerContext context, string body)
    {
        if (context.Request.Headers["Authorization"] != _authorization)
        {
            await LocalHttpServer.WriteAsync(context, 401, """{"error":{"root_cause":[{"type":"security_exception","reason":"unable to authenticate with provided credentials and anonymous access is not allowed for this request"}],"type":"security_exception","reason":"unable to authenticate"},"status":401}""");
            return;
        }

        if (context.Request.HttpMethod != "POST" || context.Request.Url!.AbsolutePath != $"/{_index}/_search")
        {
            await LocalHttpServer.WriteAsync(context, 404, $$"""{"error":{"type":"index_not_found_exception","reason":"no such index"},"status":404}""");
            return;
        }

        var search = JsonNode.Parse(body)!.AsObject();
        lock (Searches)
        {
            Searches.Add(search);
        }

        var size = search["size"]?.GetValue<int>() ?? 10;
        var sortFields = search["sort"]!.AsArray().Select(entry => entry!.AsObject().First().Key).ToArray();
        var filters = search["query"]?["bool"]?["filter"]?.AsArray() ?? [];
        var after = search["search_after"]?.AsArray();
        var matching = _documents
            .Where(document => filters.All(filter => Matches(filter!.AsObject(), document.Source)))
            .Select(document => (document.Id, document.Source, Sort: sortFields.Select(field => document.Source[field]).ToArray()))
            .OrderBy(document => document.Sort, Comparer<JsonNode?[]>.Create(CompareTuples))
            .ToList();
        var page = matching
            .Where(document => after is null || CompareTuples(document.Sort, [.. after]) > 0)
            .Take(size)
            .ToList();

        var hits = new JsonArray();
        foreach (var (id, source, sort) in page)
        {
            hits.Add(new JsonObject
            {
                ["_index"] = _index,
                ["_id"] = id,
                ["_score"] = null,
                ["_source"] = source.DeepClone(),
                ["sort"] = new JsonArray([.. sort.Select(value => value?.DeepClone())]),
            });
        }

        var answer = new JsonObject
        {
            ["took"] = 3,
            ["timed_out"] = false,
            ["_shards"] = new JsonObject { ["total"] = 1, ["successful"] = 1, ["skipped"] = 0, ["failed"] = 0 },
            ["hits"] = new JsonObject
            {
                ["total"] = new JsonObject { ["value"] = matching.Count, ["relation"] = "eq" },
                ["max_score"] = null,
                ["hits"] = hits,
            },
        };
        await LocalHttpServer.WriteAsync(context, 200, answer.ToJsonString());
    }

    private static bool Matches(JsonObject filter, JsonObject source)
    {
        if (filter["range"] is JsonObject range)
        {
            var (field, bounds) = range.First();
            var value = source[field];
            return bounds!.AsObject().All(bound => bound.Key switch
            {
                "gte" => Compare(value, bound.Value) >= 0,
                "gt" => Compare(value, bound.Value) > 0,
                "lte" => Compare(value, bound.Value) <= 0,
                "lt" => Compare(value, bound.Value) < 0,
                _ => true,
            });
        }

        if (filter["term"] is JsonObject term)
        {
            var (field, expected) = term.First();
            return Compare(source[field], expected) == 0;
        }

        return filter.ContainsKey("match_all");
    }

    private static int CompareTuples(JsonNode?[] left, JsonNode?[] right)
    {
        for (var i = 0; i < Math.Min(left.Length, right.Length); i++)
        {
            var order = Compare(left[i], right[i]);
            if (order != 0)
            {
                return order;
            }
        }

        return 0;
    }

    private static int Compare(JsonNode? left, JsonNode? right)
    {
        var leftText = left?.ToString() ?? string.Empty;
        var rightText = right?.ToString() ?? string.Empty;
        if (double.TryParse(leftText, CultureInfo.InvariantCulture, out var leftNumber) && double.TryParse(rightText, CultureInfo.InvariantCulture, out var rightNumber))
        {
            return leftNumber.CompareTo(rightNumber);
        }

        if (DateTimeOffset.TryParse(leftText, CultureInfo.InvariantCulture, out var leftTime) && DateTimeOffset.TryParse(rightText, CultureInfo.InvariantCulture, out var rightTime))
        {
            return leftTime.CompareTo(rightTime);
        }

        return string.CompareOrdinal(leftText, rightText);
    }
}
