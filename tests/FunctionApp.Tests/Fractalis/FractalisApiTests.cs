using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;

namespace Fractal.FunctionApp.Tests.Fractalis;

/// <summary>The Fractalis routes over HTTP, called as Fractal.js calls them: cookie session, no key.</summary>
public sealed class FractalisApiTests : IClassFixture<FractalisFixture>
{
    private readonly FractalisFixture _fixture;

    public FractalisApiTests(FractalisFixture fixture)
    {
        _fixture = fixture;
    }

    [Fact]
    public async Task GetVersion_WithoutCookie_Answers201WithTheApiLevelAndSetsNoCookie()
    {
        using var browser = _fixture.NewSession();

        var response = await browser.Client.GetAsync(new Uri("/api/fractalis/misc/version", UriKind.Relative));

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        Assert.Equal("1.4.0", (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("version").GetString());
        Assert.False(response.Headers.Contains("Set-Cookie"));
    }

    [Fact]
    public async Task GetData_WithoutCookie_AnswersAnEmptySessionAndSetsNoCookie()
    {
        using var browser = _fixture.NewSession();

        var response = await browser.Client.GetAsync(new Uri("/api/fractalis/data", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Empty((await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("data_states").EnumerateArray());
        Assert.False(response.Headers.Contains("Set-Cookie"));
    }

    [Fact]
    public async Task PostData_WithoutCookie_SetsTheSessionCookie()
    {
        using var browser = _fixture.NewSession();

        var response = await browser.LoadDemoAsync([new { field = "age", data_type = "numerical" }]);

        var cookie = Assert.Single(response.Headers.GetValues("Set-Cookie"));
        Assert.StartsWith("fractal_session=", cookie, StringComparison.Ordinal);
        Assert.Contains("httponly", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("samesite=lax", cookie, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task FirstCalls_RacingWithoutCookie_LeaveTheDataWhereLaterCallsLook()
    {
        using var browser = _fixture.NewSession();

        await Task.WhenAll(
            browser.Client.GetAsync(new Uri("/api/fractalis/misc/version", UriKind.Relative)),
            browser.Client.GetAsync(new Uri("/api/fractalis/data", UriKind.Relative)),
            browser.LoadDemoAsync([new { field = "age", data_type = "numerical" }]));
        var data = await browser.WaitForDataAsync();

        Assert.Equal(["age"], data.Keys);
    }

    [Fact]
    public void GetData_AfterLoading_ListsEveryDatasetWithItsState()
    {
        var genes = _fixture.Data["genes"];

        Assert.Equal(["age", "bmi", "cohort", "genes", "sex"], _fixture.Data.Keys.Order(StringComparer.Ordinal));
        Assert.All(_fixture.Data.Values, state => Assert.Equal("SUCCESS", state.GetProperty("etl_state").GetString()));
        Assert.Equal("numerical_array", genes.GetProperty("data_type").GetString());
        Assert.Matches("^[0-9a-f]{64}$", genes.GetProperty("hash").GetString());
        Assert.True(genes.TryGetProperty("etl_message", out _));
    }

    [Fact]
    public async Task PostData_ValidRequest_Answers201WithAnEmptyBody()
    {
        using var browser = _fixture.NewSession();

        var response = await browser.LoadDemoAsync([new { field = "age", data_type = "numerical" }]);

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        Assert.Empty(await response.Content.ReadAsByteArrayAsync());
        Assert.Equal("SUCCESS", (await browser.WaitForDataAsync())["age"].GetProperty("etl_state").GetString());
    }

    [Theory]
    [InlineData("""{"server": "demo", "auth": {"token": "t"}, "descriptors": [{"field": "age", "data_type": "numerical"}]}""", "handler")]
    [InlineData("""{"handler": "demo", "auth": {"token": "t"}, "descriptors": [{"field": "age", "data_type": "numerical"}]}""", "server")]
    [InlineData("""{"handler": "demo", "server": "demo", "auth": {}, "descriptors": [{"field": "age", "data_type": "numerical"}]}""", "auth")]
    [InlineData("""{"handler": "demo", "server": "demo", "auth": {"token": "t"}, "descriptors": []}""", "descriptors")]
    [InlineData("""{"handler": "demo", "server": "demo", "auth": {"token": "t"}, "descriptors": [{}]}""", "descriptors[0]")]
    [InlineData("""{"handler": "nope", "server": "demo", "auth": {"token": "t"}, "descriptors": [{"field": "age", "data_type": "numerical"}]}""", "handler")]
    public async Task PostData_BadRequest_Answers400NamingTheFieldAndLoadsNothing(string body, string field)
    {
        using var browser = _fixture.NewSession();

        var response = await browser.Client.PostAsync(new Uri("/api/fractalis/data", UriKind.Relative), new StringContent(body, Encoding.UTF8, "application/json"));
        var data = await browser.Client.GetFromJsonAsync<JsonElement>("/api/fractalis/data");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains(field, (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("error").GetString(), StringComparison.Ordinal);
        Assert.Empty(data.GetProperty("data_states").EnumerateArray());
    }

    [Fact]
    public async Task PostData_MalformedJson_Answers400WithAnError()
    {
        using var browser = _fixture.NewSession();

        var response = await browser.Client.PostAsync(new Uri("/api/fractalis/data", UriKind.Relative), new StringContent("{\"handler\": ", Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.True((await response.Content.ReadFromJsonAsync<JsonElement>()).TryGetProperty("error", out _));
    }

    [Fact]
    public async Task GetMeta_OwnDataset_AnswersItsDescriptorAndFeatures()
    {
        var meta = await _fixture.Session.Client.GetFromJsonAsync<JsonElement>($"/api/fractalis/data/meta/{_fixture.IdOf("genes")}");

        Assert.Equal("g_", meta.GetProperty("meta").GetProperty("descriptor").GetProperty("field_prefix").GetString());
        Assert.Contains("g_0001", meta.GetProperty("meta").GetProperty("features").EnumerateArray().Select(f => f.GetString()));
    }

    [Fact]
    public async Task GetMeta_AnotherSessionsDataset_Answers404()
    {
        using var stranger = _fixture.NewSession();

        var response = await stranger.Client.GetAsync(new Uri($"/api/fractalis/data/meta/{_fixture.IdOf("age")}", UriKind.Relative));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.True((await response.Content.ReadFromJsonAsync<JsonElement>()).TryGetProperty("error", out _));
    }

    [Fact]
    public async Task DeleteData_OwnDataset_RemovesItFromTheList()
    {
        using var browser = _fixture.NewSession();
        (await browser.LoadDemoAsync([new { field = "age", data_type = "numerical" }, new { field = "bmi", data_type = "numerical" }])).EnsureSuccessStatusCode();
        var loaded = await browser.WaitForDataAsync();

        var response = await browser.Client.DeleteAsync(new Uri($"/api/fractalis/data/{loaded["age"].GetProperty("task_id").GetString()}", UriKind.Relative));
        var left = await browser.WaitForDataAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(["bmi"], left.Keys);
    }

    [Fact]
    public async Task DeleteData_AnotherSessionsDataset_Answers404AndKeepsIt()
    {
        using var stranger = _fixture.NewSession();

        var response = await stranger.Client.DeleteAsync(new Uri($"/api/fractalis/data/{_fixture.IdOf("bmi")}", UriKind.Relative));
        var meta = await _fixture.Session.Client.GetAsync(new Uri($"/api/fractalis/data/meta/{_fixture.IdOf("bmi")}", UriKind.Relative));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal(HttpStatusCode.OK, meta.StatusCode);
    }

    [Fact]
    public async Task DeleteAllData_Answers200AndEmptiesTheSession()
    {
        using var browser = _fixture.NewSession();
        (await browser.LoadDemoAsync([new { field = "age", data_type = "numerical" }])).EnsureSuccessStatusCode();
        await browser.WaitForDataAsync();

        var response = await browser.Client.DeleteAsync(new Uri("/api/fractalis/data", UriKind.Relative));
        var data = await browser.Client.GetFromJsonAsync<JsonElement>("/api/fractalis/data");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Empty(data.GetProperty("data_states").EnumerateArray());
    }

    [Fact]
    public async Task PostAnalytics_UnknownTask_Answers400ListingTheTasks()
    {
        var response = await _fixture.Session.Client.PostAsJsonAsync("/api/fractalis/analytics", new { task_name = "compute-magic", args = new { } });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("compute-correlation", (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("error_msg").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task PostAnalytics_MalformedJson_Answers400WithAnErrorMsg()
    {
        var response = await _fixture.Session.Client.PostAsync(new Uri("/api/fractalis/analytics", UriKind.Relative), new StringContent("{\"task_name\"", Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.True((await response.Content.ReadFromJsonAsync<JsonElement>()).TryGetProperty("error_msg", out _));
    }

    [Fact]
    public async Task PostAnalytics_ReferenceToAnotherSessionsDataset_Answers400NamingIt()
    {
        using var stranger = _fixture.NewSession();
        var foreign = _fixture.IdOf("age");

        var response = await stranger.Client.PostAsJsonAsync("/api/fractalis/analytics", new { task_name = "compute-histogram", args = new { data = FractalisSession.Reference(foreign), num_bins = 10, bw_factor = 0.5 } });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var message = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("error_msg").GetString();
        Assert.Contains(foreign, message, StringComparison.Ordinal);
        Assert.Contains("data", message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task PostAnalytics_MalformedReference_Answers400NamingTheArgument()
    {
        var response = await _fixture.Session.Client.PostAsJsonAsync("/api/fractalis/analytics", new { task_name = "compute-histogram", args = new { data = "${\"id\": 5}$", num_bins = 10, bw_factor = 0.5 } });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.StartsWith("data", (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("error_msg").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task GetAnalytics_CompletedTask_AnswersSuccessWithAResultToParse()
    {
        var (_, status) = await _fixture.Session.RunAsync("compute-histogram", new { data = FractalisSession.Reference(_fixture.IdOf("age")), num_bins = 10, bw_factor = 0.5, id_filter = Array.Empty<string>(), subsets = Array.Empty<string[]>(), categories = Array.Empty<string>() });

        Assert.Equal("SUCCESS", status.GetProperty("state").GetString());
        Assert.Equal(JsonValueKind.String, status.GetProperty("result").ValueKind);
        Assert.Equal(JsonValueKind.Object, JsonDocument.Parse(status.GetProperty("result").GetString()!).RootElement.ValueKind);
    }

    [Fact]
    public async Task GetAnalytics_FailedTask_AnswersFailureWithErrorTypeAndMessage()
    {
        var (_, status) = await _fixture.Session.RunAsync("compute-histogram", new { data = FractalisSession.Reference(_fixture.IdOf("age")), num_bins = 10, bw_factor = 0.5, id_filter = new[] { "nobody" } });

        Assert.Equal("FAILURE", status.GetProperty("state").GetString());
        Assert.Matches("^AnalysisArgumentException: .*no values", status.GetProperty("result").GetString());
    }

    [Fact]
    public async Task GetAnalytics_AnotherSessionsTask_Answers404()
    {
        var (taskId, _) = await _fixture.Session.RunAsync("compute-histogram", new { data = FractalisSession.Reference(_fixture.IdOf("bmi")), num_bins = 5, bw_factor = 1.0 });
        using var stranger = _fixture.NewSession();

        var response = await stranger.Client.GetAsync(new Uri($"/api/fractalis/analytics/{taskId}", UriKind.Relative));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.True((await response.Content.ReadFromJsonAsync<JsonElement>()).TryGetProperty("error_msg", out _));
    }

    [Fact]
    public async Task DeleteAnalytics_OwnTask_Answers200AndForgetsIt()
    {
        var (taskId, _) = await _fixture.Session.RunAsync("compute-histogram", new { data = FractalisSession.Reference(_fixture.IdOf("bmi")), num_bins = 5, bw_factor = 1.0 });

        var response = await _fixture.Session.Client.DeleteAsync(new Uri($"/api/fractalis/analytics/{taskId}", UriKind.Relative));
        var after = await _fixture.Session.Client.GetAsync(new Uri($"/api/fractalis/analytics/{taskId}", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, after.StatusCode);
    }
}
