namespace Fractal.FunctionApp.Tests.Fractalis;

/// <summary>Cross-origin calls to the Fractalis routes: the host's CORS (<c>Host.CORS</c>, <c>Host.CORSCredentials</c>) grants credentials to its origins only.</summary>
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
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/fractalis/data");
        request.Headers.Add("Origin", FractalisFixture.AllowedOrigin);

        var response = await _fixture.Session.Client.SendAsync(request);

        Assert.Equal(FractalisFixture.AllowedOrigin, Assert.Single(response.Headers.GetValues("Access-Control-Allow-Origin")));
        Assert.Equal("true", Assert.Single(response.Headers.GetValues("Access-Control-Allow-Credentials")));
    }

    [Theory]
    [InlineData("POST", "/api/fractalis/analytics")]
    [InlineData("POST", "/api/fractalis/data")]
    [InlineData("DELETE", "/api/fractalis/data/0123456789abcdef0123456789abcdef")]
    [InlineData("DELETE", "/api/fractalis/analytics/0123456789abcdef0123456789abcdef")]
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
        using var request = Preflight("/api/fractalis/analytics", "http://127.0.0.1:18081", "POST");

        var response = await _fixture.Session.Client.SendAsync(request);

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
