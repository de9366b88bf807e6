using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;

namespace Fractal.FunctionApp.Tests.Robustness;

/// <summary>Sends malformed requests a few at a time and collects every answer that breaks its route's error contract.</summary>
internal static class FuzzRunner
{
    private const int Parallelism = 4;
    private static readonly TimeSpan s_timeout = TimeSpan.FromSeconds(30);

    /// <summary>The broken answers, one line each; empty when every answer was a 2xx, 3xx or a 4xx in its contract's shape.</summary>
    public static async Task<IReadOnlyList<string>> SendAsync(HttpClient client, IReadOnlyList<FuzzRequest> requests)
    {
        ArgumentNullException.ThrowIfNull(client);
        ArgumentNullException.ThrowIfNull(requests);
        var failures = new ConcurrentBag<string>();
        var clock = Stopwatch.StartNew();
        await Parallel.ForEachAsync(requests, new ParallelOptions { MaxDegreeOfParallelism = Parallelism }, async (request, _) =>
        {
            using var timeout = new CancellationTokenSource(s_timeout);
            using var message = request.ToMessage();
            try
            {
                using var response = await client.SendAsync(message, timeout.Token);
                var body = await response.Content.ReadAsStringAsync(timeout.Token);
                var refusedByTheServer = request.RefusedBeforeTheApp && response.StatusCode == HttpStatusCode.BadRequest && body.Length == 0;
                if (!refusedByTheServer && Check((int)response.StatusCode, response.Content.Headers.ContentType, body, request.Route.Contract) is { } broken)
                {
                    failures.Add($"{request}: {(int)response.StatusCode} {broken}: {Shorten(body)}");
                }
            }
            catch (Exception ex) when (ex is HttpRequestException or OperationCanceledException)
            {
                failures.Add($"{request}: no answer ({ex.GetType().Name}: {ex.Message})");
            }
        });
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(60), $"{requests.Count} requests took {clock.Elapsed}; the fuzz test must stay under a minute.");
        return [.. failures.Order(StringComparer.Ordinal)];
    }

    /// <summary>What is wrong with an answer; null when nothing is.</summary>
    public static string? Check(int status, MediaTypeHeaderValue? contentType, string body, ErrorContract contract)
    {
        if (status >= 500)
        {
            return "a server error for a client's mistake";
        }

        if (status < 400)
        {
            return null;
        }

        JsonElement root;
        try
        {
            using var document = JsonDocument.Parse(body);
            root = document.RootElement.Clone();
        }
        catch (JsonException)
        {
            return "an error that is not JSON";
        }

        if (root.ValueKind != JsonValueKind.Object)
        {
            return "an error that is not a JSON object";
        }

        return contract switch
        {
            ErrorContract.FractalisData => HasString(root, "error") ? null : "a Fractalis data error without 'error'",
            ErrorContract.FractalisAnalytics => HasString(root, "error_msg") ? null : "a Fractalis analytics error without 'error_msg'",
            _ => CheckProblem(status, contentType, root),
        };
    }

    private static string? CheckProblem(int status, MediaTypeHeaderValue? contentType, JsonElement root)
    {
        if (contentType?.MediaType != "application/problem+json")
        {
            return $"problem details served as {contentType?.MediaType ?? "nothing"}";
        }

        if (!root.TryGetProperty("status", out var code) || code.ValueKind != JsonValueKind.Number || code.GetInt32() != status)
        {
            return "problem details without the status";
        }

        if (!HasString(root, "title") || !HasString(root, "detail"))
        {
            return "problem details without a title and a detail";
        }

        return status is 400 or 413 && !HasString(root, "field") ? "a 400 that names no field" : null;
    }

    private static bool HasString(JsonElement root, string name) =>
        root.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String && value.GetString()!.Length > 0;

    private static string Shorten(string text) => text.Length > 300 ? text[..300] + "…" : text;
}
