using System.Net.Http.Json;
using System.Text.Json;
using Fractal.Domain.Data;
using Fractal.FunctionApp.Data;
using Fractal.FunctionApp.Storage;

namespace Fractal.FunctionApp.Tests.Analytics;

/// <summary>One app on Azurite with the demo cohort loaded through <c>POST /api/data</c> for one session.</summary>
public sealed class DemoAnalyticsFixture : IAsyncLifetime
{
    /// <summary>Features per chunk: the demo's 200 genes make 4 chunks, so limma's prior spans several fits.</summary>
    public const int ChunkSize = 64;

    /// <summary>The sql analysis' time limit: short, so a query over it fails within the test's wait.</summary>
    public const int SqlTimeoutSeconds = 5;

    private AppHost? _app;

    public string Session { get; } = Guid.NewGuid().ToString("N");

    public Dictionary<string, string> DataIds { get; } = new(StringComparer.Ordinal);

    internal AppHost App => _app ?? throw new InvalidOperationException("The fixture has not started.");

    /// <summary>The first and the second half of the demo's subjects.</summary>
    public IReadOnlyList<IReadOnlyList<string>> Halves { get; } =
    [
        [.. Enumerable.Range(1, 250).Select(i => $"S{i:0000}")],
        [.. Enumerable.Range(251, 250).Select(i => $"S{i:0000}")],
    ];

    /// <summary>The demo's subjects in three subsets of 150 (the last 50 in none).</summary>
    public IReadOnlyList<IReadOnlyList<string>> Thirds { get; } =
    [
        [.. Enumerable.Range(1, 150).Select(i => $"S{i:0000}")],
        [.. Enumerable.Range(151, 150).Select(i => $"S{i:0000}")],
        [.. Enumerable.Range(301, 150).Select(i => $"S{i:0000}")],
    ];

    public DatasetRepository Repository { get; } = new(new AzureBlobStore(AppHost.StorageConnection));

    public async Task InitializeAsync()
    {
        var settings = AppHost.OnAzurite(AppHost.NewHubName());
        settings["FRACTAL_ETL_HANDLERS"] = "demo";
        settings["FRACTAL_ANALYSIS_CHUNK_SIZE"] = ChunkSize.ToString(System.Globalization.CultureInfo.InvariantCulture);
        settings["FRACTAL_SQL_TIMEOUT_SECONDS"] = SqlTimeoutSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
        _app = await AppHost.StartAsync(settings);
        string[] names = ["age", "bmi", "sex", "cohort", "os_months", "os_event", "genes", "os"];
        using var request = Request(HttpMethod.Post, "/api/data");
        request.Content = JsonContent.Create(new
        {
            handler = "demo",
            server = "demo",
            auth = new { token = "unused" },
            descriptors = new object[]
            {
                new { field = "age", data_type = "numerical" },
                new { field = "bmi", data_type = "numerical" },
                new { field = "sex", data_type = "categorical" },
                new { field = "cohort", data_type = "categorical" },
                new { field = "os_months", data_type = "numerical" },
                new { field = "os_event", data_type = "numerical" },
                new { field_prefix = "g_", data_type = "numerical_array" },
                new { time_field = "os_months", event_field = "os_event", data_type = "time_to_event", label = "OS" },
            },
            options = new { seed = 11 },
        });
        var response = await App.Client.SendAsync(request);
        var accepted = await response.Content.ReadFromJsonAsync<JsonElement>();
        var ids = accepted.GetProperty("data_ids").EnumerateArray().Select(e => e.GetString()!).ToList();
        for (var i = 0; i < names.Length; i++)
        {
            DataIds[names[i]] = ids[i];
        }

        var status = await SessionCalls.WaitForEndAsync(App.Client, accepted.GetProperty("statusQueryGetUri").GetString()!, TimeSpan.FromSeconds(60));
        if (status.GetProperty("runtimeStatus").GetString() != "Completed")
        {
            throw new InvalidOperationException($"The demo did not load: {status}");
        }
    }

    public async Task DisposeAsync()
    {
        if (_app is not null)
        {
            await _app.DisposeAsync();
        }
    }

    public async Task<DatasetTable> TableAsync(string name) =>
        await Repository.ReadTableAsync(Session, DataIds[name]) ?? throw new InvalidOperationException($"No data for {name}.");

    public HttpRequestMessage Request(HttpMethod method, string path, string? session = null)
    {
        var request = new HttpRequestMessage(method, path);
        request.Headers.Add("x-functions-key", AppHost.Key);
        request.Headers.Add("X-Fractal-Session", session ?? Session);
        return request;
    }
}
