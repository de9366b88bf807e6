using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace Fractal.FunctionApp.Tests.Web;

public sealed class VersionFunctionTests
{
    [Fact]
    public async Task Get_WithoutKey_Answers401ProblemDetails()
    {
        await using var app = await AppHost.StartAsync();

        var response = await app.Client.GetAsync(new Uri("/api/version", UriKind.Relative));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task Get_WithKey_AnswersNameAndVersion()
    {
        await using var app = await AppHost.StartAsync();

        var body = await app.Client.GetFromJsonAsync<JsonElement>(new Uri($"/api/version?code={AppHost.Key}", UriKind.Relative));

        Assert.Equal("Fractal", body.GetProperty("name").GetString());
        Assert.False(string.IsNullOrEmpty(body.GetProperty("version").GetString()));
    }
}
