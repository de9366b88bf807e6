using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace Fractal.FunctionApp.Tests.Tasks;

/// <summary>Calls to the tasks API with the function key: start a task, read one, wait for one to end.</summary>
internal static class TaskCalls
{
    public static async Task<HttpResponseMessage> PostAsync(HttpClient client, object body)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/tasks") { Content = JsonContent.Create(body) };
        request.Headers.Add("x-functions-key", AppHost.Key);
        return await client.SendAsync(request);
    }

    public static async Task<(HttpStatusCode Status, JsonElement Body)> GetAsync(HttpClient client, string path)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.Add("x-functions-key", AppHost.Key);
        using var response = await client.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        return (response.StatusCode, text.Length == 0 ? default : JsonDocument.Parse(text).RootElement.Clone());
    }

    /// <summary>The task once it has ended (Completed, Failed or Terminated).</summary>
    public static async Task<JsonElement> WaitAsync(HttpClient client, string taskId, TimeSpan? timeout = null)
    {
        using var cancel = new CancellationTokenSource(timeout ?? TimeSpan.FromMinutes(3));
        while (true)
        {
            var (status, body) = await GetAsync(client, $"/api/tasks/{taskId}");
            if (status == HttpStatusCode.OK && body.GetProperty("status").GetString() is "Completed" or "Failed" or "Terminated")
            {
                return body;
            }

            await Task.Delay(250, cancel.Token);
        }
    }
}
