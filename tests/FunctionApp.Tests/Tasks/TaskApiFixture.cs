namespace Fractal.FunctionApp.Tests.Tasks;

/// <summary>One app host on a hub of its own that accepts every shipped model (<c>FRACTAL_ACCEPTED_MODELS=*</c>), shared by a test class.</summary>
public sealed class TaskApiFixture : IAsyncLifetime
{
    private AppHost? _app;

    internal AppHost App => _app ?? throw new InvalidOperationException("The host has not started.");

    public async Task InitializeAsync() => _app = await AppHost.StartAsync(new Dictionary<string, string?> { ["FRACTAL_ACCEPTED_MODELS"] = "*", ["FRACTAL_ETL_HANDLERS"] = "csv,json,elasticsearch" });

    public async Task DisposeAsync()
    {
        if (_app is not null)
        {
            await _app.DisposeAsync();
        }
    }
}
