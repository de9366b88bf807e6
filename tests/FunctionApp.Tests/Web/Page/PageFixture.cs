using System.Globalization;

namespace Fractal.FunctionApp.Tests.Web.Page;

/// <summary>
/// The app on Azurite (demo data and every model allowed, a short sql time limit so that a query stopped from the page
/// does not run on) and Debian's Chromium, for the Fractal page's tests.
/// </summary>
public sealed class PageFixture : BrowserAppFixture
{
    /// <summary>The sql analysis' time limit: long enough to terminate a query from the page, short enough to end soon after.</summary>
    public const int SqlTimeoutSeconds = 40;

    /// <summary>The page's address.</summary>
    public Uri PageUri => new(App.Client.BaseAddress!, "api/ui/");

    protected override Task<Dictionary<string, string?>> SettingsAsync()
    {
        var settings = AppHost.OnAzurite(AppHost.NewHubName());
        settings["FRACTAL_ETL_HANDLERS"] = "demo";
        settings["FRACTAL_ACCEPTED_MODELS"] = "*";
        settings["FRACTAL_SQL_TIMEOUT_SECONDS"] = SqlTimeoutSeconds.ToString(CultureInfo.InvariantCulture);
        return Task.FromResult(settings);
    }
}
