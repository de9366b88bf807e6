using System.Net;

namespace Fractal.LocalHost.Tests.Http;

public sealed class CorsTests
{
    private const string Origin = "https://portal.example.org";

    [Fact]
    public async Task Preflight_AllowedOrigin_IsAnsweredForAnyRoute()
    {
        await using var host = await HttpTestHost.StartAsync(localSettings: $$"""{ "Host": { "CORS": "{{Origin}},https://other.example.org" } }""");
        using var request = Preflight("api/secured");

        using var response = await host.Http.SendAsync(request);

        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
        Assert.Equal(Origin, Assert.Single(response.Headers.GetValues("Access-Control-Allow-Origin")));
        Assert.False(response.Headers.Contains("Access-Control-Allow-Credentials"));
    }

    [Fact]
    public async Task Preflight_WithCredentials_AllowsThem()
    {
        await using var host = await HttpTestHost.StartAsync(localSettings: $$"""{ "Host": { "CORS": "{{Origin}}", "CORSCredentials": true } }""");
        using var request = Preflight("api/items/1");

        using var response = await host.Http.SendAsync(request);

        Assert.Equal("true", Assert.Single(response.Headers.GetValues("Access-Control-Allow-Credentials")));
    }

    [Fact]
    public async Task Request_OtherOrigin_GetsNoCorsHeaders()
    {
        await using var host = await HttpTestHost.StartAsync(localSettings: $$"""{ "Host": { "CORS": "{{Origin}}" } }""");
        using var request = new HttpRequestMessage(HttpMethod.Get, "api/items/1");
        request.Headers.Add("Origin", "https://evil.example.org");

        using var response = await host.Http.SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.False(response.Headers.Contains("Access-Control-Allow-Origin"));
    }

    [Fact]
    public async Task Request_AllowedOrigin_GetsTheOriginBack()
    {
        await using var host = await HttpTestHost.StartAsync(localSettings: $$"""{ "Host": { "CORS": "{{Origin}}" } }""");
        using var request = new HttpRequestMessage(HttpMethod.Get, "api/items/1");
        request.Headers.Add("Origin", Origin);

        using var response = await host.Http.SendAsync(request);

        Assert.Equal(Origin, Assert.Single(response.Headers.GetValues("Access-Control-Allow-Origin")));
    }

    private static HttpRequestMessage Preflight(string path)
    {
        var request = new HttpRequestMessage(HttpMethod.Options, path);
        request.Headers.Add("Origin", Origin);
        request.Headers.Add("Access-Control-Request-Method", "GET");
        request.Headers.Add("Access-Control-Request-Headers", "x-functions-key");
        return request;
    }
}
