using System.Text.Json;
using Microsoft.Playwright;

namespace Fractal.FunctionApp.Tests.Fractalis;

/// <summary>
/// A portal page in Chromium calls the Fractalis API from another port, as Fractal.js' axios does:
/// the preflights pass for the allowed origin, the cookie session holds across calls, and the browser
/// refuses the calls of an origin the app does not allow.
/// </summary>
public sealed class FractalisBrowserTests : IClassFixture<BrowserFixture>
{
    private static readonly object[] s_ageOnly = [new { field = "age", data_type = "numerical" }];
    private readonly BrowserFixture _fixture;

    public FractalisBrowserTests(BrowserFixture fixture)
    {
        _fixture = fixture;
    }

    [Fact]
    public async Task FractalJsLoop_FromAllowedOrigin_RunsInOneCookieSession()
    {
        await using var context = await _fixture.Browser.NewContextAsync();
        var page = await OpenAsync(context, _fixture.AllowedPortal);

        var version = await CallAsync(page, "GET", "/misc/version");
        var load = await CallAsync(page, "POST", "/data", LoadRequest(s_ageOnly));
        var ageId = (await WaitForDataAsync(page))["age"];
        var created = await CallAsync(page, "POST", "/analytics", new
        {
            task_name = "compute-histogram",
            args = new { data = $"${ageId}$", num_bins = 10, bw_factor = 0.5, id_filter = Array.Empty<string>(), subsets = Array.Empty<string[]>(), categories = Array.Empty<string>() },
        });
        var status = await WaitForTaskAsync(page, JsonDocument.Parse(created.Body).RootElement.GetProperty("task_id").GetString()!);
        var parses = await page.EvaluateAsync<bool>("r => typeof JSON.parse(r) === 'object'", status.GetProperty("result").GetString());
        var cookie = Assert.Single(await context.CookiesAsync(), c => c.Name == "fractal_session");

        Assert.Equal(201, version.Status);
        Assert.Equal("1.4.0", JsonDocument.Parse(version.Body).RootElement.GetProperty("version").GetString());
        Assert.Equal(201, load.Status);
        Assert.Equal(201, created.Status);
        Assert.Equal("SUCCESS", status.GetProperty("state").GetString());
        Assert.True(parses);
        Assert.True(cookie.HttpOnly);
        Assert.Equal(SameSiteAttribute.Lax, cookie.SameSite);
    }

    [Fact]
    public async Task Delete_FromAllowedOrigin_PassesThePreflightAndRemovesTheData()
    {
        await using var context = await _fixture.Browser.NewContextAsync();
        var page = await OpenAsync(context, _fixture.AllowedPortal);
        await CallAsync(page, "POST", "/data", LoadRequest(s_ageOnly));
        var ageId = (await WaitForDataAsync(page))["age"];

        var deleted = await CallAsync(page, "DELETE", $"/data/{ageId}");
        var left = await CallAsync(page, "GET", "/data");

        Assert.Equal(200, deleted.Status);
        Assert.Empty(JsonDocument.Parse(left.Body).RootElement.GetProperty("data_states").EnumerateArray());
    }

    [Fact]
    public async Task Calls_FromAnOriginNotAllowed_AreRefusedByTheBrowserAndChangeNothing()
    {
        await using var context = await _fixture.Browser.NewContextAsync();
        var portal = await OpenAsync(context, _fixture.AllowedPortal);
        var stranger = await OpenAsync(context, _fixture.RefusedPortal);
        await CallAsync(portal, "GET", "/misc/version");

        var read = await CallAsync(stranger, "GET", "/data");
        var write = await CallAsync(stranger, "POST", "/data", LoadRequest(s_ageOnly));
        var data = await CallAsync(portal, "GET", "/data");

        Assert.Equal(0, read.Status);
        Assert.Equal(0, write.Status);
        Assert.Equal(200, data.Status);
        Assert.Empty(JsonDocument.Parse(data.Body).RootElement.GetProperty("data_states").EnumerateArray());
    }

    private static object LoadRequest(object[] descriptors) =>
        new { handler = "demo", server = "demo", auth = new { token = "portal-token" }, descriptors };

    private static async Task<IPage> OpenAsync(IBrowserContext context, PortalPageServer portal)
    {
        var page = await context.NewPageAsync();
        await page.GotoAsync(portal.Address.ToString());
        return page;
    }

    private async Task<Reply> CallAsync(IPage page, string method, string path, object? body = null)
    {
        var reply = await page.EvaluateAsync<JsonElement>(
            "([node, method, path, body]) => window.fractalis(node, method, path, body)", new[] { _fixture.FractalisNode, method, path, body });
        return new Reply(reply.GetProperty("status").GetInt32(), reply.GetProperty("body").GetString() ?? string.Empty);
    }

    /// <summary>Polls <c>GET /data</c> until every dataset is loaded; the ids by label.</summary>
    private async Task<Dictionary<string, string>> WaitForDataAsync(IPage page)
    {
        for (var attempt = 0; attempt < 600; attempt++)
        {
            var states = JsonDocument.Parse((await CallAsync(page, "GET", "/data")).Body).RootElement.GetProperty("data_states").EnumerateArray().ToList();
            if (states.Count > 0 && states.All(s => s.GetProperty("etl_state").GetString() == "SUCCESS"))
            {
                return states.ToDictionary(s => s.GetProperty("label").GetString()!, s => s.GetProperty("task_id").GetString()!);
            }

            await Task.Delay(100);
        }

        throw new TimeoutException("The data did not load.");
    }

    private async Task<JsonElement> WaitForTaskAsync(IPage page, string taskId)
    {
        for (var attempt = 0; attempt < 1200; attempt++)
        {
            var status = JsonDocument.Parse((await CallAsync(page, "GET", $"/analytics/{taskId}")).Body).RootElement;
            if (status.GetProperty("state").GetString() != "SUBMITTED")
            {
                return status;
            }

            await Task.Delay(100);
        }

        throw new TimeoutException($"Task {taskId} did not finish.");
    }

    private sealed record Reply(int Status, string Body);
}
