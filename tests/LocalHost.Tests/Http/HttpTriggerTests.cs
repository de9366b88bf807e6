using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace Fractal.LocalHost.Tests.Http;

public sealed class HttpTriggerTests : IAsyncLifetime
{
    private HttpTestHost _host = null!;

    public async Task InitializeAsync() => _host = await HttpTestHost.StartAsync();

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task Stop_WhileAFunctionWaitsOnItsToken_CancelsItAnswers503AndStopsWithinSeconds()
    {
        await using var host = await HttpTestHost.StartAsync();
        var pending = host.Http.GetAsync(new Uri("api/waits", UriKind.Relative));
        await HttpTestFunctions.Waiting.Task.WaitAsync(TimeSpan.FromSeconds(30));

        var stopwatch = System.Diagnostics.Stopwatch.StartNew();
        await host.Host.StopAsync();
        stopwatch.Stop();
        using var response = await pending;

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.True(stopwatch.Elapsed < TimeSpan.FromSeconds(4), $"The host took {stopwatch.Elapsed.TotalSeconds:F1} s to stop.");
    }

    [Fact]
    public async Task Route_WithIntAndOptionalValues_BindsThemByParameterName()
    {
        var body = await _host.Http.GetFromJsonAsync<JsonElement>("api/items/42/pear?q=x");

        Assert.Equal(42, body.GetProperty("id").GetInt32());
        Assert.Equal("pear", body.GetProperty("name").GetString());
        Assert.Equal("x", body.GetProperty("query").GetString());
    }

    [Fact]
    public async Task Route_OptionalValueMissing_BindsNull()
    {
        var body = await _host.Http.GetFromJsonAsync<JsonElement>("api/items/7");

        Assert.Equal(JsonValueKind.Null, body.GetProperty("name").ValueKind);
    }

    [Fact]
    public async Task Route_ConstraintNotMet_Is404ProblemDetails()
    {
        using var response = await _host.Http.GetAsync(new Uri("api/items/abc", UriKind.Relative));

        await AssertProblemAsync(response, HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Route_NoTemplate_IsTheFunctionName()
    {
        var text = await _host.Http.GetStringAsync(new Uri("api/HttpTest_Default", UriKind.Relative));

        Assert.Equal("HttpTest_Default:GET:True:True", text);
    }

    [Fact]
    public async Task Method_NotAccepted_Is405ProblemDetails()
    {
        using var response = await _host.Http.DeleteAsync(new Uri("api/HttpTest_Default", UriKind.Relative));

        await AssertProblemAsync(response, HttpStatusCode.MethodNotAllowed);
    }

    [Fact]
    public async Task UnknownRoute_Is404ProblemDetails()
    {
        using var response = await _host.Http.GetAsync(new Uri("api/nothing-here", UriKind.Relative));

        await AssertProblemAsync(response, HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Middleware_RegisteredByTheApp_RunsAroundEveryInvocation()
    {
        using var response = await _host.Http.GetAsync(new Uri("api/items/1", UriKind.Relative));

        Assert.Equal("HttpTest_Item", Assert.Single(response.Headers.GetValues(RecordingMiddleware.Header)));
    }

    [Fact]
    public async Task Middleware_CatchesTheFunctionsException_ItsResponseIsKept()
    {
        using var response = await _host.Http.GetAsync(new Uri("api/throws", UriKind.Relative));

        Assert.Equal((HttpStatusCode)418, response.StatusCode);
        Assert.Equal("The function failed on purpose.", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Body_OverTheLimit_Is413ProblemDetails()
    {
        await using var host = await HttpTestHost.StartAsync(settings: new Dictionary<string, string?> { ["FUNCTIONS_REQUEST_BODY_SIZE_LIMIT"] = "10" });
        using var content = new StringContent(new string('x', 100));

        using var response = await host.Http.PostAsync(new Uri("api/HttpTest_Default", UriKind.Relative), content);

        var problem = await AssertProblemAsync(response, HttpStatusCode.RequestEntityTooLarge);
        Assert.Equal("body", problem.GetProperty("field").GetString());
    }

    [Fact]
    public async Task RoutePrefix_Empty_ServesAtTheRoot()
    {
        await using var host = await HttpTestHost.StartAsync(hostJson: """{ "version": "2.0", "extensions": { "http": { "routePrefix": "" } } }""");

        var body = await host.Http.GetFromJsonAsync<JsonElement>("items/3");

        Assert.Equal(3, body.GetProperty("id").GetInt32());
    }

    [Fact]
    public async Task RoutePrefix_Custom_ReplacesApi()
    {
        await using var host = await HttpTestHost.StartAsync(hostJson: """{ "version": "2.0", "extensions": { "http": { "routePrefix": "v2" } } }""");

        using var old = await host.Http.GetAsync(new Uri("api/items/3", UriKind.Relative));
        var body = await host.Http.GetFromJsonAsync<JsonElement>("v2/items/3");

        Assert.Equal(HttpStatusCode.NotFound, old.StatusCode);
        Assert.Equal(3, body.GetProperty("id").GetInt32());
    }

    internal static async Task<JsonElement> AssertProblemAsync(HttpResponseMessage response, HttpStatusCode status)
    {
        Assert.Equal(status, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal((int)status, problem.GetProperty("status").GetInt32());
        return problem;
    }
}
