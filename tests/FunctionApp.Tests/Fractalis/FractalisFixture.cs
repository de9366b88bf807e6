using System.Text.Json;

namespace Fractal.FunctionApp.Tests.Fractalis;

/// <summary>One app on Azurite with the demo cohort loaded through Fractalis' <c>POST /data</c> in one cookie session.</summary>
public sealed class FractalisFixture : IAsyncLifetime
{
    public const string AllowedOrigin = "http://127.0.0.1:18080";

    private AppHost? _app;
    private FractalisSession? _session;

    internal AppHost App => _app ?? throw new InvalidOperationException("The fixture has not started.");

    internal FractalisSession Session => _session ?? throw new InvalidOperationException("The fixture has not started.");

    /// <summary>The loaded datasets' states, by label.</summary>
    public IReadOnlyDictionary<string, JsonElement> Data { get; private set; } = new Dictionary<string, JsonElement>();

    public string IdOf(string label) => Data[label].GetProperty("task_id").GetString()!;

    public async Task InitializeAsync()
    {
        var settings = AppHost.OnAzurite(AppHost.NewHubName());
        settings["FRACTAL_ETL_HANDLERS"] = "demo";
        settings["Host:CORS"] = AllowedOrigin + ", http://localhost:18080";
        settings["Host:CORSCredentials"] = "true";
        _app = await AppHost.StartAsync(settings);
        _session = NewSession();
        (await Session.LoadDemoAsync()).EnsureSuccessStatusCode();
        Data = await Session.WaitForDataAsync();
    }

    internal FractalisSession NewSession() => new(App.Client.BaseAddress!);

    public async Task DisposeAsync()
    {
        _session?.Dispose();
        if (_app is not null)
        {
            await _app.DisposeAsync();
        }
    }
}
