using Microsoft.Playwright;

namespace Fractal.FunctionApp.Tests;

/// <summary>The app on Azurite with the settings a test class needs, and Debian's Chromium to drive it from.</summary>
public abstract class BrowserAppFixture : IAsyncLifetime
{
    private Chromium? _chromium;
    private AppHost? _app;

    public IBrowser Browser => _chromium?.Browser ?? throw new InvalidOperationException("The fixture has not started.");

    internal AppHost App => _app ?? throw new InvalidOperationException("The fixture has not started.");

    /// <summary>Every log entry the app writes while the browser drives it.</summary>
    internal RecordingLoggerProvider Logs { get; } = new();

    public async Task InitializeAsync()
    {
        _app = await AppHost.StartAsync(await SettingsAsync(), Logs);
        _chromium = await Chromium.LaunchAsync();
    }

    public virtual async Task DisposeAsync()
    {
        Logs.Dispose();
        if (_chromium is not null)
        {
            await _chromium.DisposeAsync();
        }

        if (_app is not null)
        {
            await _app.DisposeAsync();
        }
    }

    /// <summary>The app's settings, on a task hub of its own (what else they need is started here first).</summary>
    protected abstract Task<Dictionary<string, string?>> SettingsAsync();
}
