using Microsoft.Playwright;

namespace Fractal.FunctionApp.Tests.Fractalis;

/// <summary>
/// Debian's Chromium driven by Playwright, the app on Azurite allowing one portal's origin, that
/// portal's page, and another portal's page on an origin the app does not allow.
/// </summary>
public sealed class BrowserFixture : IAsyncLifetime
{
    private IPlaywright? _playwright;
    private IBrowser? _browser;
    private AppHost? _app;
    private PortalPageServer? _allowed;
    private PortalPageServer? _refused;

    public IBrowser Browser => _browser ?? throw new InvalidOperationException("The fixture has not started.");

    internal AppHost App => _app ?? throw new InvalidOperationException("The fixture has not started.");

    internal PortalPageServer AllowedPortal => _allowed ?? throw new InvalidOperationException("The fixture has not started.");

    internal PortalPageServer RefusedPortal => _refused ?? throw new InvalidOperationException("The fixture has not started.");

    /// <summary>The Fractalis API's base URL, as a portal sets <c>fractalisNode</c>.</summary>
    public string FractalisNode => new Uri(App.Client.BaseAddress!, "api/fractalis").ToString();

    /// <summary>
    /// Debian's Chromium (or <c>FRACTAL_CHROMIUM</c>), headless, launched by its executable path: Playwright's own browser
    /// download cannot work here.
    /// </summary>
    internal static Task<IBrowser> LaunchChromiumAsync(IPlaywright playwright)
    {
        ArgumentNullException.ThrowIfNull(playwright);
        var chromium = Environment.GetEnvironmentVariable("FRACTAL_CHROMIUM") is { Length: > 0 } path ? path : "/usr/bin/chromium";
        if (!File.Exists(chromium))
        {
            throw new InvalidOperationException($"The browser tests need Chromium at {chromium}: run `infra/local/services.sh start chromium`.");
        }

        return playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = chromium,
            Headless = true,
            Args =
            [
                "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
                "--disable-component-update", "--disable-sync",
            ],
        });
    }

    public async Task InitializeAsync()
    {
        _allowed = await PortalPageServer.StartAsync();
        _refused = await PortalPageServer.StartAsync();
        var settings = AppHost.OnAzurite(AppHost.NewHubName());
        settings["FRACTAL_ETL_HANDLERS"] = "demo";
        settings["Host:CORS"] = _allowed.Origin;
        settings["Host:CORSCredentials"] = "true";
        _app = await AppHost.StartAsync(settings);
        _playwright = await Playwright.CreateAsync();
        _browser = await LaunchChromiumAsync(_playwright);
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

        if (_allowed is not null)
        {
            await _allowed.DisposeAsync();
        }

        if (_refused is not null)
        {
            await _refused.DisposeAsync();
        }
    }
}
