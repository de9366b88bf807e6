namespace Fractal.FunctionApp.Tests.Fractalis;

/// <summary>
/// Debian's Chromium driven by Playwright, the app on Azurite allowing one portal's origin, that
/// portal's page, and another portal's page on an origin the app does not allow.
/// </summary>
public sealed class BrowserFixture : BrowserAppFixture
{
    private PortalPageServer? _allowed;
    private PortalPageServer? _refused;

    internal PortalPageServer AllowedPortal => _allowed ?? throw new InvalidOperationException("The fixture has not started.");

    internal PortalPageServer RefusedPortal => _refused ?? throw new InvalidOperationException("The fixture has not started.");

    /// <summary>The Fractalis API's base URL, as a portal sets <c>fractalisNode</c>.</summary>
    public string FractalisNode => new Uri(App.Client.BaseAddress!, "api/fractalis").ToString();

    public override async Task DisposeAsync()
    {
        await base.DisposeAsync();
        if (_allowed is not null)
        {
            await _allowed.DisposeAsync();
        }

        if (_refused is not null)
        {
            await _refused.DisposeAsync();
        }
    }

    protected override async Task<Dictionary<string, string?>> SettingsAsync()
    {
        _allowed = await PortalPageServer.StartAsync();
        _refused = await PortalPageServer.StartAsync();
        var settings = AppHost.OnAzurite(AppHost.NewHubName());
        settings["FRACTAL_ETL_HANDLERS"] = "demo";
        settings["Host:CORS"] = _allowed.Origin;
        settings["Host:CORSCredentials"] = "true";
        return settings;
    }
}
