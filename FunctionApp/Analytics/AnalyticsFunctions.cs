using System.Text.Json;
using System.Text.RegularExpressions;
using Fractal.Domain.Analyses;
using Fractal.FunctionApp.Analytics.Definitions;
using Fractal.FunctionApp.Sessions;
using Fractal.FunctionApp.Web;
using Microsoft.DurableTask.Client;

namespace Fractal.FunctionApp.Analytics;

/// <summary>
/// The analytics API: the catalog, <c>POST /api/analytics</c> (validate, then start the analysis
/// orchestration), its state and result, its charts, and delete. Another session's analyses are 404.
/// </summary>
public sealed partial class AnalyticsFunctions
{
    private readonly AnalysisRuns _runs;
    private readonly AnalysisRegistry _analyses;

    public AnalyticsFunctions(AnalysisRuns runs, AnalysisRegistry analyses)
    {
        _runs = runs;
        _analyses = analyses;
    }

    [Function("Analyses_Catalog")]
    public IResult Catalog(
        [HttpTrigger(AuthorizationLevel.Function, "get", Route = "analyses")] HttpRequest request) =>
        Results.Json(new { analyses = _analyses.All.Select(analysis => analysis.Schema) });

    [Function("Analytics_Start")]
    public async Task<IResult> StartAsync(
        [HttpTrigger(AuthorizationLevel.Function, "post", Route = "analytics")] HttpRequest request,
        [DurableClient] DurableTaskClient client,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(client);
        var body = await request.ReadJsonBodyAsync<AnalysisRequest>(cancellationToken: cancellationToken);
        var session = Session.Find(request) ?? throw HttpProblemException.NotFound("This request names no session, so it has no datasets to analyse.");
        string instanceId;
        try
        {
            instanceId = await _runs.StartAsync(session, body.TaskName, body.Args, client, cancellationToken);
        }
        catch (AnalysisArgumentException error)
        {
            throw HttpProblemException.BadRequest(string.IsNullOrEmpty(error.Argument) ? "args" : error.Argument, error.Message);
        }

        return CheckStatus.Accepted(client, instanceId);
    }

    [Function("Analytics_Get")]
    public static async Task<IResult> GetAsync(
        [HttpTrigger(AuthorizationLevel.Function, "get", Route = "analytics/{id}")] HttpRequest request,
        [DurableClient] DurableTaskClient client,
        string id,
        CancellationToken cancellationToken)
    {
        var (instance, job) = await FindAsync(request, client, id, cancellationToken);
        return Results.Json(new
        {
            id,
            task_name = job.TaskName,
            runtimeStatus = instance.RuntimeStatus.ToString(),
            createdTime = instance.CreatedAt,
            lastUpdatedTime = instance.LastUpdatedAt,
            // Only a completed instance's output is the orchestration's JSON; a failed one's holds the error's text.
            output = instance.RuntimeStatus == OrchestrationRuntimeStatus.Completed && instance.SerializedOutput is { } output
                ? JsonDocument.Parse(output).RootElement
                : (JsonElement?)null,
            error = instance.FailureDetails is { } failure ? AnalysisFailedException.Describe(failure) : null,
        });
    }

    [Function("Analytics_Result")]
    public async Task<IResult> ResultAsync(
        [HttpTrigger(AuthorizationLevel.Function, "get", Route = "analytics/{id}/result")] HttpRequest request,
        [DurableClient] DurableTaskClient client,
        string id,
        CancellationToken cancellationToken)
    {
        await FindAsync(request, client, id, cancellationToken);
        var stream = await _runs.OpenAsync(id, AnalysisResultStore.ResultName, cancellationToken)
            ?? throw HttpProblemException.NotFound($"Analysis '{id}' has no result yet.");
        return Results.Stream(stream, "application/json");
    }

    [Function("Analytics_Chart")]
    public async Task<IResult> ChartAsync(
        [HttpTrigger(AuthorizationLevel.Function, "get", Route = "analytics/{id}/charts/{file}")] HttpRequest request,
        [DurableClient] DurableTaskClient client,
        string id,
        string file,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(file);
        var match = ChartFile().Match(file);
        if (!match.Success)
        {
            throw HttpProblemException.NotFound($"'{file}' is not a chart; charts are {{name}}.svg or {{name}}.png.");
        }

        await FindAsync(request, client, id, cancellationToken);
        var stream = await _runs.OpenAsync(id, file, cancellationToken)
            ?? throw HttpProblemException.NotFound($"Analysis '{id}' has no chart '{file}'.");
        return Results.Stream(stream, match.Groups["format"].Value == "svg" ? "image/svg+xml" : "image/png");
    }

    [Function("Analytics_Delete")]
    public async Task<IResult> DeleteAsync(
        [HttpTrigger(AuthorizationLevel.Function, "delete", Route = "analytics/{id}")] HttpRequest request,
        [DurableClient] DurableTaskClient client,
        string id,
        CancellationToken cancellationToken)
    {
        var (instance, _) = await FindAsync(request, client, id, cancellationToken);
        var blobs = await _runs.DeleteAsync(instance, client, cancellationToken);
        return Results.Ok(new { id, purged = true, deleted_blobs = blobs });
    }

    private static async Task<(OrchestrationMetadata Instance, AnalysisJob Job)> FindAsync(
        HttpRequest request, DurableTaskClient client, string id, CancellationToken cancellationToken) =>
        await AnalysisRuns.FindAsync(Session.Find(request), id, client, cancellationToken)
            ?? throw HttpProblemException.NotFound($"This session has no analysis '{id}'.");

    [GeneratedRegex("^[a-z_]{1,64}\\.(?<format>svg|png)$")]
    private static partial Regex ChartFile();
}
