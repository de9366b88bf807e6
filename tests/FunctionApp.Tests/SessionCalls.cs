using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace Fractal.FunctionApp.Tests;

/// <summary>Calls to the product API as one session makes them: the function key and the session header on every request.</summary>
internal static class SessionCalls
{
    public static string NewSession() => Guid.NewGuid().ToString("N");

    public static HttpRequestMessage Request(HttpMethod method, string path, string session)
    {
        var request = new HttpRequestMessage(method, path);
        request.Headers.Add("x-functions-key", AppHost.Key);
        request.Headers.Add("X-Fractal-Session", session);
        return request;
    }

    /// <summary>Posts <paramref name="body"/> as JSON and asserts 202; returns the accepted payload.</summary>
    public static async Task<JsonElement> PostAcceptedAsync(HttpClient client, string session, string path, object body)
    {
        using var request = Request(HttpMethod.Post, path, session);
        request.Content = JsonContent.Create(body);
        using var response = await client.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.Accepted, $"{path}: {response.StatusCode} {text}");
        return JsonDocument.Parse(text).RootElement.Clone();
    }

    public static async Task<JsonElement> GetAsync(HttpClient client, string session, string path)
    {
        using var request = Request(HttpMethod.Get, path, session);
        using var response = await client.SendAsync(request);
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    /// <summary>Long-polls the status URL of <paramref name="accepted"/> until the instance ends; asserts it Completed and returns its output.</summary>
    public static async Task<JsonElement> WaitCompletedAsync(HttpClient client, JsonElement accepted, TimeSpan? timeout = null)
    {
        var statusUri = accepted.GetProperty("statusQueryGetUri").GetString()!;
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(60));
        JsonElement status;
        do
        {
            status = await client.GetFromJsonAsync<JsonElement>(new Uri($"{statusUri}&waitForCompletion=10"));
        }
        while (status.GetProperty("runtimeStatus").GetString() is "Pending" or "Running" && DateTime.UtcNow < deadline);

        Assert.True(status.GetProperty("runtimeStatus").GetString() == "Completed", $"{statusUri} ended {status}");
        return status.GetProperty("output");
    }
}
