using System.Net;

namespace Fractal.FunctionApp.Tests.Web.Page;

/// <summary><c>GET /api/ui/{*path}</c> serves the page's embedded files without a key, and nothing else.</summary>
public sealed class PageFunctionTests : IClassFixture<PageFixture>
{
    private readonly PageFixture _fixture;

    public PageFunctionTests(PageFixture fixture)
    {
        _fixture = fixture;
    }

    [Fact]
    public async Task Get_TheFolderWithoutItsSlash_RedirectsToIt()
    {
        using var client = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false }) { BaseAddress = _fixture.App.Client.BaseAddress };

        using var response = await client.GetAsync(new Uri("/api/ui", UriKind.Relative));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/api/ui/", response.Headers.Location?.OriginalString);
    }

    [Theory]
    [InlineData("/api/ui/", "text/html", "<script type=\"module\" src=\"js/app.js\">")]
    [InlineData("/api/ui/js/app.js", "text/javascript", "import")]
    [InlineData("/api/ui/styles.css", "text/css", ":root")]
    public async Task Get_APageFile_AnswersItWithItsTypeAndAStrictPolicy(string path, string type, string content)
    {
        using var response = await _fixture.App.Client.GetAsync(new Uri(path, UriKind.Relative));
        var text = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(type, response.Content.Headers.ContentType?.MediaType);
        Assert.Contains(content, text, StringComparison.Ordinal);
        Assert.Contains("script-src 'self'", response.Headers.GetValues("Content-Security-Policy").Single(), StringComparison.Ordinal);
        Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
    }

    [Theory]
    [InlineData("/api/ui/missing.js")]
    [InlineData("/api/ui/js/../styles.css.map")]
    [InlineData("/api/ui/..%2F..%2Fhost.json")]
    [InlineData("/api/ui/Fractal.FunctionApp.dll")]
    public async Task Get_AnythingElse_Answers404ProblemDetails(string path)
    {
        using var response = await _fixture.App.Client.GetAsync(new Uri(path, UriKind.Relative));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }
}
