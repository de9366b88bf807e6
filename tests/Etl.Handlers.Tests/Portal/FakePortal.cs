using System.Globalization;
using System.Net;
using System.Text.Json.Nodes;
using Fractal.Etl.Handlers.Tests.Support;

namespace Fractal.Etl.Handlers.Tests.Portal;

/// <summary>
/// A local TranSMART-style portal: <c>GET /observations?concept_path=&amp;offset=&amp;limit=</c> with a Bearer
/// token, answering HAL pages (<c>_embedded.observations</c>, <c>_links.next.href</c>) of observations
/// with <c>subject</c> {<c>id</c>, <c>inTrialId</c>}, <c>label</c> and <c>value</c>.
/// </summary>
internal sealed class FakePortal : IAsyncDisposable
{
    private readonly Dictionary<string, List<(int Subject, JsonNode? Value)>> _observations;
    private readonly string _token;
    private readonly LocalHttpServer _server;
    private int _pages;

    public FakePortal(Dictionary<string, List<(int Subject, JsonNode? Value)>> observations, string token)
    {
        _observations = observations;
        _token = token;
        _server = new LocalHttpServer(RespondAsync);
    }

    public string Url => _server.BaseUrl;

    public int Pages => _pages;

    public string? NextOverride { get; init; }

    public ValueTask DisposeAsync() => _server.DisposeAsync();

    private async Task RespondAsync(HttpListenerContext context, string body)
    {
        if (context.Request.Headers["Authorization"] != $"Bearer {_token}")
        {
            await LocalHttpServer.WriteAsync(context, 401, """{"error":"invalid_token","error_description":"Invalid access token"}""");
            return;
        }

        Interlocked.Increment(ref _pages);
        var query = context.Request.QueryString;
        var concept = query["concept_path"] ?? string.Empty;
        var offset = int.Parse(query["offset"] ?? "0", CultureInfo.InvariantCulture);
        var limit = int.Parse(query["limit"] ?? "100", CultureInfo.InvariantCulture);
        var all = _observations.GetValueOrDefault(concept) ?? [];
        var observations = new JsonArray();
        foreach (var (subject, value) in all.Skip(offset).Take(limit))
        {
            observations.Add(new JsonObject
            {
                ["subject"] = new JsonObject { ["id"] = subject, ["inTrialId"] = $"P-{subject:000}", ["sex"] = "unknown" },
                ["label"] = concept,
                ["value"] = value?.DeepClone(),
            });
        }

        var page = new JsonObject
        {
            ["_embedded"] = new JsonObject { ["observations"] = observations },
            ["_links"] = new JsonObject { ["self"] = new JsonObject { ["href"] = context.Request.Url!.PathAndQuery } },
        };
        if (offset + limit < all.Count)
        {
            page["_links"]!["next"] = new JsonObject
            {
                ["href"] = NextOverride ?? $"/observations?concept_path={Uri.EscapeDataString(concept)}&offset={offset + limit}&limit={limit}",
            };
        }

        await LocalHttpServer.WriteAsync(context, 200, page.ToJsonString(), "application/hal+json");
    }
}
