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

    /// <summary>Polls the status URL of <paramref name="accepted"/> until the instance ends; asserts it Completed and returns its output.</summary>
    public static async Task<JsonElement> WaitCompletedAsync(HttpClient client, JsonElement accepted, TimeSpan? timeout = null)
    {
        var statusUri = accepted.GetProperty("statusQueryGetUri").GetString()!;
        var status = await WaitForEndAsync(client, statusUri, timeout);
        Assert.True(status.GetProperty("runtimeStatus").GetString() == "Completed", $"{statusUri} ended {status}");
        return status.GetProperty("output");
    }

    /// <summary>
    /// Polls <paramref name="statusUri"/> (Durable Functions' status URL, which carries its key) until the instance
    /// has ended (200 Completed, 400 Failed or Terminated), then reads it once more with <paramref name="query"/>
    /// (e.g. <c>&amp;showHistory=true</c>); fails the test after <paramref name="timeout"/> (default one minute).
    /// </summary>
    public static async Task<JsonElement> WaitForEndAsync(HttpClient client, string statusUri, TimeSpan? timeout = null, string query = "")
    {
        ArgumentNullException.ThrowIfNull(client);
        var limit = timeout ?? TimeSpan.FromSeconds(60);
        var deadline = DateTime.UtcNow + limit;
        var delay = TimeSpan.FromMilliseconds(25);
        while (true)
        {
            using var response = await client.GetAsync(new Uri(statusUri + query));
            var text = await response.Content.ReadAsStringAsync();
            if (response.StatusCode is HttpStatusCode.OK or HttpStatusCode.BadRequest)
            {
                return JsonDocument.Parse(text).RootElement.Clone();
            }

            Assert.True(response.StatusCode == HttpStatusCode.Accepted, $"{statusUri} answered {(int)response.StatusCode}: {text}");
            Assert.True(DateTime.UtcNow < deadline, $"{statusUri} had not ended after {limit}: {text}");
            await Task.Delay(delay);
            delay = TimeSpan.FromMilliseconds(Math.Min(250, delay.TotalMilliseconds * 2));
        }
    }
}
