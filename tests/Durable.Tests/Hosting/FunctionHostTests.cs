using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;

namespace Fractal.Durable.Tests.Hosting;

public sealed class FunctionHostTests
{
    private const string Key = "test-host-key";
    private static readonly Dictionary<string, string?> s_keySettings = new() { ["FRACTAL_HOST_KEY"] = Key };

    [Fact]
    public async Task Get_AnonymousFunction_AnswersUnderDefaultPrefix()
    {
        await using var host = await RunningHost.StartAsync([typeof(SampleFunctions)]);

        var response = await host.Client.GetAsync(new Uri("/api/open", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.True((await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("open").GetBoolean());
    }

    [Fact]
    public async Task Get_RoutePrefixFromHostJson_ServesUnderThatPrefix()
    {
        await using var host = await RunningHost.StartAsync([typeof(SampleFunctions)], hostJson: """{ "extensions": { "http": { "routePrefix": "v2" } } }""");

        var moved = await host.Client.GetAsync(new Uri("/v2/open", UriKind.Relative));
        var old = await host.Client.GetAsync(new Uri("/api/open", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, moved.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, old.StatusCode);
    }

    [Fact]
    public async Task Get_EmptyRoutePrefix_ServesAtSiteRoot()
    {
        await using var host = await RunningHost.StartAsync([typeof(SampleFunctions)], hostJson: """{ "extensions": { "http": { "routePrefix": "" } } }""");

        var response = await host.Client.GetAsync(new Uri("/open", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task Get_RouteUnset_ServesAtFunctionName()
    {
        await using var host = await RunningHost.StartAsync([typeof(SampleFunctions)]);

        var response = await host.Client.GetStringAsync(new Uri("/api/DefaultRoute", UriKind.Relative));

        Assert.Equal("by name", response);
    }

    [Fact]
    public async Task Get_RouteValues_BindToParametersByName()
    {
        await using var host = await RunningHost.StartAsync([typeof(SampleFunctions)]);

        var body = await host.Client.GetFromJsonAsync<JsonElement>(new Uri("/api/items/42/widget", UriKind.Relative));

        Assert.Equal(42, body.GetProperty("id").GetInt32());
        Assert.Equal("widget", body.GetProperty("name").GetString());
    }

    [Fact]
    public async Task Post_WrongMethodForRoute_Answers404AsTheFunctionsHostDoes()
    {
        await using var host = await RunningHost.StartAsync([typeof(SampleFunctions)]);

        var response = await host.Client.PostAsync(new Uri("/api/open", UriKind.Relative), null);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task Get_FunctionLevelWithoutKey_Answers401ProblemDetails()
    {
        await using var host = await RunningHost.StartAsync([typeof(SampleFunctions)], settings: s_keySettings);

        var response = await host.Client.GetAsync(new Uri("/api/guarded", UriKind.Relative));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task Get_FunctionLevelWithKeyHeader_IsServed()
    {
        await using var host = await RunningHost.StartAsync([typeof(SampleFunctions)], settings: s_keySettings);
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/guarded");
        request.Headers.Add("x-functions-key", Key);

        var response = await host.Client.SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task Get_FunctionLevelWithCodeQuery_IsServed()
    {
        await using var host = await RunningHost.StartAsync([typeof(SampleFunctions)], settings: s_keySettings);

        var response = await host.Client.GetAsync(new Uri($"/api/guarded?code={Key}", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task Get_FunctionLevelWithWrongKey_Answers401()
    {
        await using var host = await RunningHost.StartAsync([typeof(SampleFunctions)], settings: s_keySettings);
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/guarded");
        request.Headers.Add("x-functions-key", Key + "x");

        var response = await host.Client.SendAsync(request);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task Get_FunctionLevelWhenNoKeyConfigured_Answers401()
    {
        await using var host = await RunningHost.StartAsync([typeof(SampleFunctions)]);
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/guarded");
        request.Headers.Add("x-functions-key", "anything");

        var response = await host.Client.SendAsync(request);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task Get_UnknownRoute_Answers404ProblemDetails()
    {
        await using var host = await RunningHost.StartAsync([typeof(SampleFunctions)]);

        var response = await host.Client.GetAsync(new Uri("/api/nothing/here.png", UriKind.Relative));
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(404, problem.GetProperty("status").GetInt32());
    }

    [Fact]
    public async Task Post_MalformedJson_Answers400NamingTheProblem()
    {
        await using var host = await RunningHost.StartAsync([typeof(SampleFunctions)]);
        using var content = new StringContent("{\"a\": [1, 2", Encoding.UTF8, "application/json");

        var response = await host.Client.PostAsync(new Uri("/api/echo", UriKind.Relative), content);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("not valid JSON", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.True(problem.TryGetProperty("field", out _));
    }

    [Theory]
    [InlineData(new byte[] { 0x7B, 0x22, 0x61, 0x22, 0x3A, 0x5B, 0x22, 0xC3, 0x28, 0x22, 0x5D, 0x7D }, "a[0]")]
    [InlineData(new byte[] { 0x7B, 0x22, 0x61, 0x22, 0x3A, 0x7B, 0x22, 0x62, 0x22, 0x3A, 0x22, 0x5C, 0x75, 0x64, 0x38, 0x30, 0x30, 0x22, 0x7D, 0x7D }, "a.b")]
    public async Task Post_StringNotValidUnicode_Answers400NamingTheField(byte[] body, string field)
    {
        // {"a":["\xC3("]} (invalid UTF-8) and {"a":{"b":"\ud800"}} (an unpaired surrogate): JSON's parser accepts both.
        await using var host = await RunningHost.StartAsync([typeof(SampleFunctions)]);
        using var content = new ByteArrayContent(body);
        content.Headers.ContentType = new("application/json");

        var response = await host.Client.PostAsync(new Uri("/api/echo", UriKind.Relative), content);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(field, problem.GetProperty("field").GetString());
    }

    [Fact]
    public async Task Get_ErrorOfAFunctionWithItsOwnErrorShape_AnswersInThatShape()
    {
        await using var host = await RunningHost.StartAsync([typeof(ShapedErrorFunctions)]);

        var response = await host.Client.GetAsync(new Uri("/api/shaped/refused", UriKind.Relative));
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("refused on purpose", body.GetProperty("message").GetString());
    }

    [Fact]
    public async Task Post_EmptyBody_Answers400NamingTheBody()
    {
        await using var host = await RunningHost.StartAsync([typeof(SampleFunctions)]);
        using var content = new StringContent(string.Empty, Encoding.UTF8, "application/json");

        var response = await host.Client.PostAsync(new Uri("/api/echo", UriKind.Relative), content);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("body", problem.GetProperty("field").GetString());
    }

    [Fact]
    public async Task Post_ValidJson_IsServed()
    {
        await using var host = await RunningHost.StartAsync([typeof(SampleFunctions)]);

        var response = await host.Client.PostAsJsonAsync(new Uri("/api/echo", UriKind.Relative), new { a = 1 });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(1, (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("a").GetInt32());
    }

    [Fact]
    public async Task Post_BodyOverLimitWithLength_Answers413()
    {
        await using var host = await RunningHost.StartAsync(
            [typeof(SampleFunctions)], settings: new Dictionary<string, string?> { ["FUNCTIONS_REQUEST_BODY_SIZE_LIMIT"] = "1024" });
        using var content = new StringContent($"{{\"a\": \"{new string('x', 4096)}\"}}", Encoding.UTF8, "application/json");

        var response = await host.Client.PostAsync(new Uri("/api/echo", UriKind.Relative), content);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task Post_ChunkedBodyOverLimit_Answers413()
    {
        await using var host = await RunningHost.StartAsync(
            [typeof(SampleFunctions)], settings: new Dictionary<string, string?> { ["FUNCTIONS_REQUEST_BODY_SIZE_LIMIT"] = "1024" });
        using var content = new StreamContent(new MemoryStream(Encoding.UTF8.GetBytes($"{{\"a\": \"{new string('x', 4096)}\"}}")));
        content.Headers.ContentType = new("application/json");
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/echo") { Content = content };
        request.Headers.TransferEncodingChunked = true;

        var response = await host.Client.SendAsync(request);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
    }

    [Fact]
    public async Task Get_FunctionThrows_Answers500WithoutInternalsAndKeepsServing()
    {
        await using var host = await RunningHost.StartAsync([typeof(SampleFunctions)]);

        var failed = await host.Client.GetAsync(new Uri("/api/broken", UriKind.Relative));
        var text = await failed.Content.ReadAsStringAsync();
        var after = await host.Client.GetAsync(new Uri("/api/open", UriKind.Relative));

        Assert.Equal(HttpStatusCode.InternalServerError, failed.StatusCode);
        Assert.DoesNotContain("secret internals", text, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, after.StatusCode);
    }
}
