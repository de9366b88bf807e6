namespace Fractal.FunctionApp.Tests.Instances;

/// <summary>One app on a hub of its own with three finished demo loads (three ETL instances), each in its own session.</summary>
public sealed class InstanceApiFixture : IAsyncLifetime
{
    private AppHost? _app;

    internal AppHost App => _app ?? throw new InvalidOperationException("The fixture has not started.");

    /// <summary>The loads' instance ids.</summary>
    public List<string> LoadIds { get; } = [];

    public async Task InitializeAsync()
    {
        var settings = AppHost.OnAzurite(AppHost.NewHubName());
        settings["FRACTAL_ETL_HANDLERS"] = "demo";
        _app = await AppHost.StartAsync(settings);
        for (var i = 0; i < 3; i++)
        {
            var accepted = await SessionCalls.PostAcceptedAsync(App.Client, SessionCalls.NewSession(), "/api/data", new
            {
                handler = "demo",
                server = "demo",
                auth = new { token = "none" },
                descriptors = new object[] { new { field = "age", data_type = "numerical" }, new { field = "bmi", data_type = "numerical" } },
            });
            await SessionCalls.WaitCompletedAsync(App.Client, accepted);
            LoadIds.Add(accepted.GetProperty("id").GetString()!);
        }
    }

    public async Task DisposeAsync()
    {
        if (_app is not null)
        {
            await _app.DisposeAsync();
        }
    }
}
