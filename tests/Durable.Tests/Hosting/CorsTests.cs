using System.Net;
using Microsoft.Extensions.DependencyInjection;

namespace Fractal.Durable.Tests.Hosting;

public sealed class CorsTests
{
    private const string Allowed = "http://127.0.0.1:9999";

    [Fact]
    public async Task Preflight_AllowedOriginOnEnableCorsFunction_AnswersWithTheOrigin()
    {
        await using var host = await StartAsync();
        using var request = Preflight("/api/shared", Allowed);

        var response = await host.Client.SendAsync(request);

        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
        Assert.Equal(Allowed, Assert.Single(response.Headers.GetValues("Access-Control-Allow-Origin")));
        Assert.Equal("true", Assert.Single(response.Headers.GetValues("Access-Control-Allow-Credentials")));
    }

    [Fact]
    public async Task Preflight_OtherOrigin_GetsNoCorsHeaders()
    {
        await using var host = await StartAsync();
        using var request = Preflight("/api/shared", "http://evil.example");

        var response = await host.Client.SendAsync(request);

        Assert.False(response.Headers.Contains("Access-Control-Allow-Origin"));
    }

    [Fact]
    public async Task Get_FunctionWithoutEnableCors_GetsNoCorsHeaders()
    {
        await using var host = await StartAsync();
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/open");
        request.Headers.Add("Origin", Allowed);

        var response = await host.Client.SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.False(response.Headers.Contains("Access-Control-Allow-Origin"));
    }

    private static Task<RunningHost> StartAsync() => RunningHost.StartAsync(
        [typeof(SiteRootFunctions), typeof(SampleFunctions)],
        services: services => services.AddCors(cors => cors.AddPolicy(
            SiteRootFunctions.CorsPolicy, policy => policy.WithOrigins(Allowed).AllowCredentials().AllowAnyHeader().AllowAnyMethod())));

    private static HttpRequestMessage Preflight(string path, string origin)
    {
        var request = new HttpRequestMessage(HttpMethod.Options, path);
        request.Headers.Add("Origin", origin);
        request.Headers.Add("Access-Control-Request-Method", "POST");
        request.Headers.Add("Access-Control-Request-Headers", "content-type");
        return request;
    }
}
