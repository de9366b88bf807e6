using Fractal.FunctionApp.Tests.Fractalis;
using Microsoft.Playwright;

namespace Fractal.FunctionApp.Tests.Web.Page;

/// <summary>
/// The app on Azurite (demo data and every model allowed, a short sql time limit so that a query stopped from the page does not run on)
/// and Debian's Chromium, launched as <see cref="BrowserFixture"/> launches it, for the Fractal page's tests.
/// </summary>
public sealed class PageFixture : IAsyncLifetime
{
    /// <summary>The sql analysis' time limit: long enough to terminate a query from the page, short enough to end soon after.</summary>
    public const int SqlTimeoutSeconds = 40;

    private IPlaywright? _playwright;
    private IBrowser? _browser;
    private AppHost? _app;

    public IBrowser Browser => _browser ?? throw new InvalidOperationException("The fixture has not started.");

    internal AppHost App => _app ?? throw new InvalidOperationException("The fixture has not started.");

    /// <summary>The page's address.</summary>
    public Uri PageUri => new(App.Client.BaseAddress!, "api/ui/");

    public async Task InitializeAsync()
    {
        var settings = AppHost.OnAzurite(AppHost.NewHubName());
        settings["FRACTAL_ETL_HANDLERS"] = "demo";
        settings["FRACTAL_ACCEPTED_MODELS"] = "*";
        settings["FRACTAL_SQL_TIMEOUT_SECONDS"] = SqlTimeoutSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
        _app = await AppHost.StartAsync(settings);
        _playwright = await Playwright.CreateAsync();
        _browser = await BrowserFixture.LaunchChromiumAsync(_playwright);
    }

    public async Task DisposeAsync()
    {
        if (_browser is not null)
        {
            await _browser.DisposeAsync();
        }

        _playwright?.Dispose();
        if (_app is not null)
        {
            await _app.DisposeAsync();
        }
    }
}
