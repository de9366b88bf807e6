using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace Fractal.FunctionApp.Tests.Robustness;

/// <summary>
/// One app on Azurite whose owner session holds two loaded datasets (age, bmi of the demo cohort) and one
/// completed correlation, so that malformed requests can name real ids and the owner's data can be
/// checked unchanged afterwards.
/// </summary>
public sealed class MalformedInputFixture : IAsyncLifetime
{
    private AppHost? _app;

    internal AppHost App => _app ?? throw new InvalidOperationException("The fixture has not started.");

    internal IReadOnlyList<ServedRoute> Routes { get; private set; } = [];

    /// <summary>The session whose data no refused request may change.</summary>
    public string OwnerSession { get; } = "owner-" + Guid.NewGuid().ToString("N");

    public string AgeId { get; private set; } = string.Empty;

    public string BmiId { get; private set; } = string.Empty;

    public string AnalysisId { get; private set; } = string.Empty;

    public async Task InitializeAsync()
    {
        var settings = AppHost.OnAzurite(AppHost.NewHubName());
        settings["FRACTAL_ETL_HANDLERS"] = "demo";
        _app = await AppHost.StartAsync(settings);
        Routes = ServedRoute.Discover(App.Services);

        var load = await SendAsync(HttpMethod.Post, "/api/data", new
        {
            handler = "demo",
            server = "demo",
            auth = new { token = "t" },
            descriptors = new[] { new { field = "age", data_type = "numerical" }, new { field = "bmi", data_type = "numerical" } },
        });
        await WaitAsync(load);
        AgeId = load.GetProperty("data_ids")[0].GetString()!;
        BmiId = load.GetProperty("data_ids")[1].GetString()!;

        var analysis = await SendAsync(HttpMethod.Post, "/api/analytics", new
        {
            task_name = "compute-correlation",
            args = new { x = AgeId, y = BmiId, method = "pearson" },
        });
        await WaitAsync(analysis);
        AnalysisId = analysis.GetProperty("id").GetString()!;
    }

    /// <summary>A fresh session that owns nothing.</summary>
    public static string NewSession() => "fuzz-" + Guid.NewGuid().ToString("N");

    /// <summary>The owner's datasets as <c>GET /api/data</c> lists them.</summary>
    public async Task<string> OwnerDataAsync()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/data");
        request.Headers.Add("x-functions-key", AppHost.Key);
        request.Headers.Add(Sessions.Session.HeaderName, OwnerSession);
        using var response = await App.Client.SendAsync(request);
        response.EnsureSuccessStatusCode();
        return await response.Content.ReadAsStringAsync();
    }

    /// <summary>A value that names something real for a route parameter of <paramref name="route"/>.</summary>
    internal string RealValue(ServedRoute route, string parameter) => parameter switch
    {
        "dataId" => AgeId,
        "taskId" when route.Contract == ErrorContract.FractalisAnalytics => AnalysisId,
        "taskId" => AgeId,
        "instanceId" when route.Template.Contains("/orchestrators/", StringComparison.Ordinal) => "fuzz-" + Guid.NewGuid().ToString("N"),
        "functionName" => global::Fractal.FunctionApp.Analytics.AnalysisOrchestration.Name,
        "id" or "instanceId" => AnalysisId,
        "file" => "correlation.svg",
        "eventName" => "approval",
        "path" => "index.html",
        _ => throw new InvalidOperationException($"No real value is known for '{parameter}' of {route}: teach the fixture about it."),
    };

    public async Task DisposeAsync()
    {
        if (_app is not null)
        {
            await _app.DisposeAsync();
        }
    }

    private async Task<JsonElement> SendAsync(HttpMethod method, string path, object body)
    {
        using var request = new HttpRequestMessage(method, path) { Content = JsonContent.Create(body) };
        request.Headers.Add("x-functions-key", AppHost.Key);
        request.Headers.Add(Sessions.Session.HeaderName, OwnerSession);
        using var response = await App.Client.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.Accepted, $"{method} {path} answered {(int)response.StatusCode}: {text}");
        return JsonDocument.Parse(text).RootElement.Clone();
    }

    private async Task WaitAsync(JsonElement accepted) =>
        await SessionCalls.WaitCompletedAsync(App.Client, accepted, TimeSpan.FromMinutes(2));
}
