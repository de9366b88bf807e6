using System.Net;

namespace Fractal.FunctionApp.Tests.Fractalis;

/// <summary>Cross-origin calls to the Fractalis routes: credentials for the configured origins only.</summary>
public sealed class FractalisCorsTests : IClassFixture<FractalisFixture>
{
    private readonly FractalisFixture _fixture;

    public FractalisCorsTests(FractalisFixture fixture)
    {
        _fixture = fixture;
    }

    [Fact]
    public async Task Get_AllowedOrigin_AnswersThatOriginWithCredentials()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/data");
        request.Headers.Add("Origin", FractalisFixture.AllowedOrigin);

        var response = await _fixture.Session.Client.SendAsync(request);

        Assert.Equal(FractalisFixture.AllowedOrigin, Assert.Single(response.Headers.GetValues("Access-Control-Allow-Origin")));
        Assert.Equal("true", Assert.Single(response.Headers.GetValues("Access-Control-Allow-Credentials")));
    }

    [Theory]
    [InlineData("POST", "/analytics")]
    [InlineData("POST", "/data")]
    [InlineData("DELETE", "/data/0123456789abcdef0123456789abcdef")]
    [InlineData("DELETE", "/analytics/0123456789abcdef0123456789abcdef")]
    public async Task Preflight_AllowedOrigin_AllowsTheMethodAndJsonContent(string method, string path)
    {
        using var request = Preflight(path, FractalisFixture.AllowedOrigin, method);

        var response = await _fixture.Session.Client.SendAsync(request);

        Assert.True(response.IsSuccessStatusCode, $"{(int)response.StatusCode}");
        Assert.Equal(FractalisFixture.AllowedOrigin, Assert.Single(response.Headers.GetValues("Access-Control-Allow-Origin")));
        Assert.Contains(method, Assert.Single(response.Headers.GetValues("Access-Control-Allow-Methods")), StringComparison.Ordinal);
        Assert.Contains("content-type", Assert.Single(response.Headers.GetValues("Access-Control-Allow-Headers")), StringComparison.OrdinalIgnoreCase);
        Assert.Equal("true", Assert.Single(response.Headers.GetValues("Access-Control-Allow-Credentials")));
    }

    [Fact]
    public async Task Preflight_OtherOrigin_GetsNoCorsHeaders()
    {
        using var request = Preflight("/analytics", "http://127.0.0.1:18081", "POST");

        var response = await _fixture.Session.Client.SendAsync(request);

        Assert.False(response.Headers.Contains("Access-Control-Allow-Origin"));
    }

    [Fact]
    public async Task Get_NativeApiFromAllowedOrigin_GetsNoCorsHeaders()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/health");
        request.Headers.Add("Origin", FractalisFixture.AllowedOrigin);

        var response = await _fixture.Session.Client.SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.False(response.Headers.Contains("Access-Control-Allow-Origin"));
    }

    private static HttpRequestMessage Preflight(string path, string origin, string method)
    {
        var request = new HttpRequestMessage(HttpMethod.Options, path);
        request.Headers.Add("Origin", origin);
        request.Headers.Add("Access-Control-Request-Method", method);
        request.Headers.Add("Access-Control-Request-Headers", "content-type");
        return request;
    }
}
