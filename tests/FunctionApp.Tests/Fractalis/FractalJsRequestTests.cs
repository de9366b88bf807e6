using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;

namespace Fractal.FunctionApp.Tests.Fractalis;

/// <summary>
/// The requests Fractal.js 1.4.1 sends that Fractalis accepts, in their exact shapes: an Observed variable that is
/// categorical, k-means with hclust's options left empty, and data problems that Fractalis reports as a FAILURE task.
/// </summary>
public sealed class FractalJsRequestTests : IClassFixture<FractalisFixture>
{
    private readonly FractalisFixture _fixture;

    public FractalJsRequestTests(FractalisFixture fixture)
    {
        _fixture = fixture;
    }

    [Fact]
    public async Task PostAnalytics_SurvivalWithACategoricalObserved_EndsSuccessWithEvents()
    {
        var (_, status) = await RunAsync($$"""
            {"task_name": "survival-analysis", "args": {"durations": ["${{_fixture.IdOf("age")}}$"], "categories": [],
             "event_observed": ["${{_fixture.IdOf("sex")}}$"], "estimator": "KaplanMeier", "id_filter": [], "subsets": [] } }
            """);

        Assert.Equal("SUCCESS", status.GetProperty("state").GetString());
        var curves = Curves(status).ToList();
        Assert.NotEmpty(curves);
        Assert.All(curves, curve => Assert.True(curve.GetProperty("estimate").EnumerateArray().Last().GetDouble() < 1));
    }

    [Fact]
    public async Task PostAnalytics_KMeansWithEmptyMethodAndMetric_EndsSuccessWithClusters()
    {
        var (_, status) = await RunAsync("""
            {"task_name": "compute-cluster", "args": {
             "df": {"p1": {"g1": 1.2, "g2": -0.3, "g3": 0.9}, "p2": {"g1": 1.1, "g2": -0.2, "g3": 1.0},
                    "p3": {"g1": -1.0, "g2": 0.8, "g3": -1.1}, "p4": {"g1": -1.3, "g2": 0.9, "g3": -0.8}},
             "cluster_algo": "kmeans",
             "options": {"method": "", "metric": "", "n_row_clusters": 2, "n_col_clusters": 2, "n_row_centroids": 2, "n_col_centroids": 2}}}
            """);

        Assert.Equal("SUCCESS", status.GetProperty("state").GetString());
        var result = JsonDocument.Parse(status.GetProperty("result").GetString()!).RootElement;
        Assert.Equal(3, result.GetProperty("row_clusters").GetArrayLength());
        Assert.Equal(4, result.GetProperty("col_clusters").GetArrayLength());
    }

    [Fact]
    public async Task PostAnalytics_HClustWithAnEmptyMethod_EndsFailureNamingTheMethod()
    {
        var (_, status) = await RunAsync("""
            {"task_name": "compute-cluster", "args": {"df": {"p1": {"g1": 1.0}, "p2": {"g1": 2.0}}, "cluster_algo": "hclust",
             "options": {"method": "", "metric": "euclidean", "n_row_clusters": 1, "n_col_clusters": 1}}}
            """);

        Assert.Equal("FAILURE", status.GetProperty("state").GetString());
        Assert.Contains("linkage method", status.GetProperty("result").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task PostAnalytics_ClusterOfAnEmptyFrame_IsAcceptedAndEndsFailure()
    {
        var (response, status) = await RunAsync("""
            {"task_name": "compute-cluster", "args": {"df": {}, "cluster_algo": "kmeans",
             "options": {"method": "", "metric": "", "n_row_centroids": 2, "n_col_centroids": 2}}}
            """);

        Assert.Equal(HttpStatusCode.Created, response);
        Assert.Equal("FAILURE", status.GetProperty("state").GetString());
        Assert.Matches(@"^\w+: df holds no values\.$", status.GetProperty("result").GetString());
    }

    [Fact]
    public async Task PostAnalytics_DatasetOfAWrongType_IsAcceptedAndEndsFailureNamingTheArgument()
    {
        var (response, status) = await RunAsync($$"""
            {"task_name": "survival-analysis", "args": {"durations": ["${{_fixture.IdOf("cohort")}}$"], "categories": [],
             "event_observed": [], "estimator": "KaplanMeier", "id_filter": [], "subsets": [] } }
            """);

        Assert.Equal(HttpStatusCode.Created, response);
        Assert.Equal("FAILURE", status.GetProperty("state").GetString());
        Assert.Matches(@"^\w+: durations must be numerical or time_to_event", status.GetProperty("result").GetString());
    }

    [Fact]
    public async Task PostAnalytics_NotJson_StaysA400()
    {
        var response = await _fixture.Session.Client.PostAsync(
            new Uri("/api/fractalis/analytics", UriKind.Relative), new StringContent("task_name=compute-cluster", Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.True((await response.Content.ReadFromJsonAsync<JsonElement>()).TryGetProperty("error_msg", out _));
    }

    private async Task<(HttpStatusCode Created, JsonElement Status)> RunAsync(string request)
    {
        var created = await _fixture.Session.Client.PostAsync(
            new Uri("/api/fractalis/analytics", UriKind.Relative), new StringContent(request, Encoding.UTF8, "application/json"));
        var body = await created.Content.ReadFromJsonAsync<JsonElement>();
        if (created.StatusCode != HttpStatusCode.Created)
        {
            return (created.StatusCode, body);
        }

        return (created.StatusCode, await _fixture.Session.WaitForTaskAsync(body.GetProperty("task_id").GetString()!));
    }

    private static IEnumerable<JsonElement> Curves(JsonElement status) =>
        JsonDocument.Parse(status.GetProperty("result").GetString()!).RootElement.GetProperty("stats")
            .EnumerateObject().SelectMany(category => category.Value.EnumerateObject().Select(subset => subset.Value));
}
