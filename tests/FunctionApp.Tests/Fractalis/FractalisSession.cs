using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace Fractal.FunctionApp.Tests.Fractalis;

/// <summary>
/// A browser's view of the Fractalis API: its own cookie jar, no function key and no session header,
/// as Fractal.js calls it; with helpers for the calls it repeats.
/// </summary>
internal sealed class FractalisSession : IDisposable
{
    public FractalisSession(Uri baseAddress)
    {
        Cookies = new CookieContainer();
        Client = new HttpClient(new HttpClientHandler { CookieContainer = Cookies }) { BaseAddress = baseAddress };
    }

    public HttpClient Client { get; }

    public CookieContainer Cookies { get; }

    /// <summary>The demo cohort's descriptors as a portal would send them: age, bmi, sex, cohort, the genes.</summary>
    public static object[] DemoDescriptors { get; } =
    [
        new { field = "age", data_type = "numerical" },
        new { field = "bmi", data_type = "numerical" },
        new { field = "sex", data_type = "categorical" },
        new { field = "cohort", data_type = "categorical" },
        new { field_prefix = "g_", data_type = "numerical_array", label = "genes" },
    ];

    public Task<HttpResponseMessage> LoadDemoAsync(object[]? descriptors = null) =>
        Client.PostAsJsonAsync("/api/fractalis/data", new { handler = "demo", server = "demo", auth = new { token = "portal-token" }, descriptors = descriptors ?? DemoDescriptors });

    /// <summary>Polls <c>GET /data</c> as Fractal.js does until no dataset is SUBMITTED; returns the states by label.</summary>
    public async Task<Dictionary<string, JsonElement>> WaitForDataAsync()
    {
        for (var attempt = 0; attempt < 600; attempt++)
        {
            var states = (await Client.GetFromJsonAsync<JsonElement>("/api/fractalis/data")).GetProperty("data_states").EnumerateArray().ToList();
            if (states.Count > 0 && states.All(s => s.GetProperty("etl_state").GetString() != "SUBMITTED"))
            {
                return states.ToDictionary(s => s.GetProperty("label").GetString()!, s => s);
            }

            await Task.Delay(100);
        }

        throw new TimeoutException("The data never left SUBMITTED.");
    }

    /// <summary>Starts a task and polls <c>GET /analytics/{id}</c> until it is no longer SUBMITTED.</summary>
    public async Task<(string TaskId, JsonElement Status)> RunAsync(string taskName, object args)
    {
        var created = await Client.PostAsJsonAsync("/api/fractalis/analytics", new { task_name = taskName, args });
        var body = await created.Content.ReadFromJsonAsync<JsonElement>();
        if (created.StatusCode != HttpStatusCode.Created)
        {
            throw new InvalidOperationException($"POST /analytics answered {(int)created.StatusCode}: {body}");
        }

        var taskId = body.GetProperty("task_id").GetString()!;
        return (taskId, await WaitForTaskAsync(taskId));
    }

    /// <summary>Polls <c>GET /analytics/{id}</c> as Fractal.js does until the task is no longer SUBMITTED.</summary>
    public async Task<JsonElement> WaitForTaskAsync(string taskId)
    {
        for (var attempt = 0; attempt < 1200; attempt++)
        {
            var status = await Client.GetFromJsonAsync<JsonElement>($"/api/fractalis/analytics/{taskId}");
            if (status.GetProperty("state").GetString() != "SUBMITTED")
            {
                return status;
            }

            await Task.Delay(100);
        }

        throw new TimeoutException($"Task {taskId} never left SUBMITTED.");
    }

    public static string Reference(string dataId) => $"${dataId}$";

    public static string Reference(string dataId, params string[] features) =>
        "$" + JsonSerializer.Serialize(new { id = dataId, filters = new { feature = features } }) + "$";

    public void Dispose() => Client.Dispose();
}
