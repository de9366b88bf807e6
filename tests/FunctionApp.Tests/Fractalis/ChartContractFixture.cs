using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using Fractal.Domain.Data;
using Fractal.FunctionApp.Data;
using Fractal.FunctionApp.Storage;

namespace Fractal.FunctionApp.Tests.Fractalis;

/// <summary>
/// One app on Azurite and one "browser" as Fractal.js is to it: an <see cref="HttpClient"/> with its own cookie jar,
/// no session header and no function key. The demo cohort is loaded through Fractalis' <c>POST /data</c> and
/// <c>GET /data</c> is polled until every load succeeded.
/// </summary>
public sealed class ChartContractFixture : IAsyncLifetime
{
    private static readonly TimeSpan s_patience = TimeSpan.FromSeconds(120);
    private readonly CookieContainer _cookies = new();
    private AppHost? _app;
    private HttpClient? _client;

    /// <summary>The loaded datasets by label: their Fractalis task ids.</summary>
    public Dictionary<string, string> TaskIds { get; } = new(StringComparer.Ordinal);

    /// <summary>The <c>GET /data</c> entries once every load succeeded.</summary>
    public JsonArray DataStates { get; private set; } = [];

    /// <summary>The first and the second half of the demo's subjects.</summary>
    public string[][] Halves { get; } =
    [
        [.. Enumerable.Range(1, 250).Select(i => $"S{i:0000}")],
        [.. Enumerable.Range(251, 250).Select(i => $"S{i:0000}")],
    ];

    /// <summary>The demo's subjects in three subsets of 150 (the last 50 in none), as a user's three selections.</summary>
    public string[][] Thirds { get; } =
    [
        [.. Enumerable.Range(1, 150).Select(i => $"S{i:0000}")],
        [.. Enumerable.Range(151, 150).Select(i => $"S{i:0000}")],
        [.. Enumerable.Range(301, 150).Select(i => $"S{i:0000}")],
    ];

    public HttpClient Client => _client ?? throw new InvalidOperationException("The fixture has not started.");

    public DatasetRepository Repository { get; } = new(new AzureBlobStore(AppHost.StorageConnection));

    /// <summary>The session the browser's cookie names.</summary>
    public string Session => _cookies.GetCookies(Client.BaseAddress!)[Sessions.Session.CookieName]?.Value
        ?? throw new InvalidOperationException("The browser has no session cookie.");

    internal AppHost App => _app ?? throw new InvalidOperationException("The fixture has not started.");

    public async Task InitializeAsync()
    {
        var settings = AppHost.OnAzurite(AppHost.NewHubName());
        settings["FRACTAL_ETL_HANDLERS"] = "demo";
        _app = await AppHost.StartAsync(settings);
        _client = new HttpClient(new HttpClientHandler { CookieContainer = _cookies }) { BaseAddress = App.Client.BaseAddress };
        var version = await Client.GetAsync(new Uri("/api/fractalis/misc/version", UriKind.Relative));
        version.EnsureSuccessStatusCode();

        using var load = await Client.PostAsJsonAsync(new Uri("/api/fractalis/data", UriKind.Relative), new
        {
            handler = "demo",
            server = "demo",
            auth = new { token = "x" },
            descriptors = new object[]
            {
                new { field = "age", data_type = "numerical", label = "age" },
                new { field = "bmi", data_type = "numerical", label = "bmi" },
                new { field = "sex", data_type = "categorical", label = "sex" },
                new { field = "cohort", data_type = "categorical", label = "cohort" },
                new { field = "os_months", data_type = "numerical", label = "os_months" },
                new { field = "os_event", data_type = "numerical", label = "os_event" },
                new { field_prefix = "g_", data_type = "numerical_array", label = "genes" },
                new { field_prefix = "r_", data_type = "numerical_array", label = "counts" },
            },
        });
        if (load.StatusCode != HttpStatusCode.Created)
        {
            throw new InvalidOperationException($"POST /data answered {(int)load.StatusCode}: {await load.Content.ReadAsStringAsync()}");
        }

        DataStates = await PollDataAsync(8);
        foreach (var state in DataStates)
        {
            TaskIds[state!["label"]!.GetValue<string>()] = state["task_id"]!.GetValue<string>();
        }
    }

    public async Task DisposeAsync()
    {
        _client?.Dispose();
        if (_app is not null)
        {
            await _app.DisposeAsync();
        }
    }

    /// <summary>Fractal.js' reference to a whole dataset: <c>"$&lt;task id&gt;$"</c>.</summary>
    public string Reference(string label) => $"${TaskIds[label]}$";

    /// <summary>Fractal.js' reference to some features of a dataset: <c>"$" + JSON + "$"</c>.</summary>
    public string Reference(string label, params string[] features) =>
        "$" + new JsonObject { ["id"] = TaskIds[label], ["filters"] = new JsonObject { ["feature"] = new JsonArray([.. features.Select(f => JsonValue.Create(f))]) } }.ToJsonString() + "$";

    /// <summary>A dataset as the session stored it, with only <paramref name="features"/> kept when some are named.</summary>
    public async Task<DatasetTable> TableAsync(string label, params string[] features)
    {
        var table = await Repository.ReadTableAsync(Session, TaskIds[label]) ?? throw new InvalidOperationException($"No data for {label}.");
        return table.KeepOnly(features);
    }

    /// <summary>What Fractal.js' run-analysis mixin does: <c>POST /analytics</c>, then <c>GET /analytics/{id}</c> until the state is not SUBMITTED.</summary>
    public async Task<(string TaskId, JsonObject Status)> RunAsync(string taskName, object args)
    {
        using var created = await Client.PostAsJsonAsync(new Uri("/api/fractalis/analytics", UriKind.Relative), new { task_name = taskName, args });
        var body = await created.Content.ReadAsStringAsync();
        Assert.True(created.StatusCode == HttpStatusCode.Created, $"POST /analytics answered {(int)created.StatusCode}: {body}");
        var taskId = JsonNode.Parse(body)!["task_id"]!.GetValue<string>();
        var deadline = DateTime.UtcNow + s_patience;
        var delay = 200;
        while (true)
        {
            await Task.Delay(delay);
            delay = Math.Min(delay + 100, 1000);
            using var response = await Client.GetAsync(new Uri($"/api/fractalis/analytics/{taskId}", UriKind.Relative));
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            var status = JsonNode.Parse(await response.Content.ReadAsStringAsync())!.AsObject();
            if (status["state"]!.GetValue<string>() != "SUBMITTED")
            {
                return (taskId, status);
            }

            Assert.Null(status["result"]);
            Assert.True(DateTime.UtcNow < deadline, $"{taskName} did not finish in {s_patience}.");
        }
    }

    /// <summary><c>JSON.parse(result)</c> of a task that succeeded.</summary>
    public async Task<JsonObject> ResultAsync(string taskName, object args)
    {
        var (_, status) = await RunAsync(taskName, args);
        Assert.True(status["state"]!.GetValue<string>() == "SUCCESS", $"{taskName} ended {status.ToJsonString()}");
        Assert.Equal(JsonValueKind.String, status["result"]!.GetValueKind());
        return JsonNode.Parse(status["result"]!.GetValue<string>())!.AsObject();
    }

    private async Task<JsonArray> PollDataAsync(int expected)
    {
        var deadline = DateTime.UtcNow + s_patience;
        while (true)
        {
            var states = (await Client.GetFromJsonAsync<JsonObject>(new Uri("/api/fractalis/data", UriKind.Relative)))!["data_states"]!.AsArray();
            var etl = states.Select(s => s!["etl_state"]!.GetValue<string>()).ToList();
            if (etl.Contains("FAILURE"))
            {
                throw new InvalidOperationException($"A load failed: {states.ToJsonString()}");
            }

            if (etl.Count == expected && etl.All(state => state == "SUCCESS"))
            {
                return states;
            }

            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"The loads did not finish: {states.ToJsonString()}");
            }

            await Task.Delay(250);
        }
    }
}
