using System.Globalization;
using Microsoft.Playwright;
using Xunit.Abstractions;

namespace Fractal.FunctionApp.Tests.Web.Page;

/// <summary>
/// One browser context on the Fractal page: every console error and uncaught page error it logs, and a screenshot of
/// each step at 1280×800 and 390×844, saved under <c>TestResults/page-screenshots/{test}/</c> (the path is printed).
/// </summary>
internal sealed class PageSession : IAsyncDisposable
{
    public static readonly ViewportSize Desktop = new() { Width = 1280, Height = 800 };
    public static readonly ViewportSize Phone = new() { Width = 390, Height = 844 };

    private readonly IBrowserContext _context;
    private readonly ITestOutputHelper _output;
    private readonly string _folder;
    private int _step;

    private PageSession(IBrowserContext context, IPage page, ITestOutputHelper output, string test)
    {
        _context = context;
        _output = output;
        Page = page;
        _folder = Path.Combine(ScreenshotRoot, test);
        Directory.CreateDirectory(_folder);
        page.Console += (_, message) =>
        {
            if (message.Type == "error")
            {
                ConsoleErrors.Add($"console: {message.Text}");
            }
        };
        page.PageError += (_, error) => ConsoleErrors.Add($"page error: {error}");
        page.Dialog += async (_, dialog) => await dialog.AcceptAsync();
    }

    /// <summary>Where the screenshots go: <c>FRACTAL_SCREENSHOTS</c>, else the test project's <c>TestResults/page-screenshots</c>.</summary>
    public static string ScreenshotRoot =>
        Environment.GetEnvironmentVariable("FRACTAL_SCREENSHOTS") is { Length: > 0 } root
            ? root
            : Path.GetFullPath(Path.Combine(AppContext.BaseDirectory, "..", "..", "..", "TestResults", "page-screenshots"));

    public IPage Page { get; }

    /// <summary>Console errors and uncaught exceptions, in order.</summary>
    public List<string> ConsoleErrors { get; } = [];

    /// <summary>Opens the page at desktop size in a fresh context (its own session and storage).</summary>
    public static async Task<PageSession> OpenAsync(PageFixture fixture, ITestOutputHelper output, string test, string hash = "")
    {
        ArgumentNullException.ThrowIfNull(fixture);
        var context = await fixture.Browser.NewContextAsync(new BrowserNewContextOptions { ViewportSize = Desktop });
        context.SetDefaultTimeout(60_000);
        var page = await context.NewPageAsync();
        var session = new PageSession(context, page, output, test);
        await page.GotoAsync(new Uri(fixture.PageUri, hash).ToString());
        return session;
    }

    /// <summary>Enters <paramref name="key"/> in the key form.</summary>
    public async Task EnterKeyAsync(string key)
    {
        await Page.GetByLabel("Key", new() { Exact = true }).FillAsync(key);
        await Page.GetByRole(AriaRole.Button, new() { Name = "Continue" }).ClickAsync();
    }

    /// <summary>Saves the page at both sizes as <c>NN-{name}-desktop.png</c> and <c>NN-{name}-phone.png</c>, and prints where.</summary>
    public async Task ScreenshotAsync(string name)
    {
        _step++;
        foreach (var (size, label) in new[] { (Desktop, "desktop"), (Phone, "phone") })
        {
            await Page.SetViewportSizeAsync(size.Width, size.Height);
            var path = Path.Combine(_folder, string.Create(CultureInfo.InvariantCulture, $"{_step:00}-{name}-{label}.png"));
            await Page.ScreenshotAsync(new PageScreenshotOptions { Path = path, FullPage = true });
            _output.WriteLine($"screenshot: {path}");
        }

        await Page.SetViewportSizeAsync(Desktop.Width, Desktop.Height);
    }

    /// <summary>Fails on any console error or uncaught exception but the network errors <paramref name="expected"/> allows.</summary>
    public void AssertNoConsoleErrors(Func<string, bool>? expected = null)
    {
        var unexpected = ConsoleErrors.Where(e => expected is null || !expected(e)).ToList();
        Assert.True(unexpected.Count == 0, "The page logged errors:\n" + string.Join('\n', unexpected));
    }

    public async ValueTask DisposeAsync() => await _context.DisposeAsync();
}
