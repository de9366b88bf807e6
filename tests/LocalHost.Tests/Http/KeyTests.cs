using System.Net;

namespace Fractal.LocalHost.Tests.Http;

public sealed class KeyTests : IAsyncLifetime
{
    private HttpTestHost _host = null!;

    public async Task InitializeAsync() => _host = await HttpTestHost.StartAsync();

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Theory]
    [InlineData("api/secured", null, HttpStatusCode.Unauthorized)]
    [InlineData("api/secured", "wrong-key", HttpStatusCode.Unauthorized)]
    [InlineData("api/secured", HttpTestHost.FunctionKey, HttpStatusCode.OK)]
    [InlineData("api/secured", HttpTestHost.MasterKey, HttpStatusCode.OK)]
    [InlineData("api/secured", HttpTestHost.SystemKey, HttpStatusCode.Unauthorized)]
    [InlineData("api/admin-only", HttpTestHost.FunctionKey, HttpStatusCode.Unauthorized)]
    [InlineData("api/admin-only", HttpTestHost.MasterKey, HttpStatusCode.OK)]
    [InlineData("api/items/1", null, HttpStatusCode.OK)]
    public async Task Level_KeyInHeader_IsCheckedAsTheFunctionsHostChecksIt(string path, string? key, HttpStatusCode expected)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        if (key is not null)
        {
            request.Headers.Add("x-functions-key", key);
        }

        using var response = await _host.Http.SendAsync(request);

        Assert.Equal(expected, response.StatusCode);
    }

    [Fact]
    public async Task Level_FunctionKeyInCodeQuery_IsAccepted()
    {
        using var response = await _host.Http.GetAsync(new Uri($"api/secured?code={HttpTestHost.FunctionKey}", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task Level_MissingKey_Is401ProblemDetails()
    {
        using var response = await _host.Http.GetAsync(new Uri("api/secured", UriKind.Relative));

        await HttpTriggerTests.AssertProblemAsync(response, HttpStatusCode.Unauthorized);
    }
}
