using System.Text.Json;
using System.Text.RegularExpressions;
using Fractal.Domain.Analyses;
using Fractal.FunctionApp.Analytics.Definitions;
using Fractal.FunctionApp.Orchestrations;
using Fractal.FunctionApp.Web;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.Options;

namespace Fractal.FunctionApp.Analytics;

/// <summary>
/// A session's analysis orchestrations, for every API that runs analyses: start one after validating
/// its arguments, find one (only the session's own), read its result, and delete it with its blobs.
/// </summary>
public sealed partial class AnalysisRuns
{
    private readonly AnalysisRegistry _analyses;
    private readonly AnalysisInputs _inputs;
    private readonly AnalysisResultStore _results;
    private readonly AnalysisSettings _settings;
    private readonly FanOutSettings _fanOut;

    public AnalysisRuns(AnalysisRegistry analyses, AnalysisInputs inputs, AnalysisResultStore results, IOptions<AnalysisSettings> settings, IOptions<FanOutSettings> fanOut)
    {
        _analyses = analyses;
        _inputs = inputs;
        _results = results;
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(fanOut);
        _settings = settings.Value;
        _fanOut = fanOut.Value;
    }

    /// <summary>Validates the arguments against the analysis' schema and the session's datasets, then starts it.</summary>
    /// <returns>The orchestration's instance id.</returns>
    /// <exception cref="AnalysisArgumentException">An unknown task (argument <c>task_name</c>) or the first bad argument.</exception>
    /// <exception cref="HttpProblemException">413 naming <c>subsets</c> when there are more than the fan-out allows.</exception>
    public async Task<string> StartAsync(string session, string? taskName, JsonElement args, DurableTaskClient client, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(client);
        var analysis = _analyses.Get(taskName);
        var parsed = new AnalysisArgs(args);
        if (parsed.Has("subsets") && parsed.TextLists("subsets").Count is var subsets && subsets > _settings.MaxFanOut)
        {
            throw new HttpProblemException(
                StatusCodes.Status413PayloadTooLarge,
                $"subsets: {subsets} subsets were sent; one analysis takes at most {_settings.MaxFanOut} ({AnalysisSettings.MaxFanOutSetting}).",
                "subsets");
        }

        await _inputs.ValidateAsync(session, analysis.Schema, parsed, cancellationToken);
        await analysis.ValidateAsync(_inputs, session, parsed, cancellationToken);

        // The arguments (inline matrices, id lists) travel as a blob: the orchestration's input and history name it.
        var instanceId = Guid.NewGuid().ToString("N");
        var argsBlob = await _results.SaveJsonAsync(instanceId, AnalysisResultStore.ArgsName, parsed.ToJson(), cancellationToken);
        var job = Job(session, analysis.Schema.TaskName, null) with { ArgsBlob = argsBlob, FanOut = analysis.FanOut };
        return await client.ScheduleNewOrchestrationInstanceAsync(AnalysisOrchestration.Name, job, new StartOrchestrationOptions(instanceId), cancellationToken);
    }

    /// <summary>
    /// Starts an analysis that a front-end's contract accepts but this app does not run, so that it
    /// ends Failed with <paramref name="reason"/> where the front-end looks for the outcome.
    /// </summary>
    public Task<string> StartRefusedAsync(string session, string taskName, string reason, DurableTaskClient client, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(client);
        return client.ScheduleNewOrchestrationInstanceAsync(
            AnalysisOrchestration.Name, Job(session, taskName, "{}") with { Refusal = reason }, cancellationToken);
    }

    /// <summary>The job's arguments, from their blob (or inline, for jobs that carry them).</summary>
    public Task<AnalysisArgs> ReadArgsAsync(AnalysisJob job, CancellationToken cancellationToken) => _inputs.ArgsAsync(job, cancellationToken);

    private AnalysisJob Job(string session, string taskName, string? args) =>
        new(session, taskName, args, _settings.ChunkSize, MaxFanOut: _settings.MaxFanOut, MaxParallel: _fanOut.MaxParallel);

    /// <summary>The session's analysis <paramref name="id"/> with its job; null when the session has none by that id.</summary>
    public static async Task<(OrchestrationMetadata Instance, AnalysisJob Job)?> FindAsync(
        string? session, string id, DurableTaskClient client, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(client);
        var instance = session is null || !InstanceId().IsMatch(id) ? null : await client.GetInstanceAsync(id, getInputsAndOutputs: true, cancellationToken);
        var job = instance?.Name == AnalysisOrchestration.Name ? instance.ReadInputAs<AnalysisJob>() : null;
        return instance is not null && job is not null && job.Session == session ? (instance, job) : null;
    }

    /// <summary>Opens one of the analysis' blobs (its result or a chart); null when there is none.</summary>
    public Task<Stream?> OpenAsync(string id, string name, CancellationToken cancellationToken) => _results.OpenAsync(id, name, cancellationToken);

    /// <summary>The result of a completed analysis, read from its blob; null when it has none yet.</summary>
    public async Task<JsonElement?> ReadResultAsync(string id, CancellationToken cancellationToken)
    {
        await using var stream = await _results.OpenAsync(id, AnalysisResultStore.ResultName, cancellationToken);
        if (stream is null)
        {
            return null;
        }

        using var document = await JsonDocument.ParseAsync(stream, cancellationToken: cancellationToken);
        return document.RootElement.Clone();
    }

    /// <summary>
    /// Terminates the analysis unless it has ended (Pending, Running and Suspended instances alike: the engine purges
    /// only ended ones), waits for it to end, then purges its history and deletes its blobs; returns how many blobs.
    /// </summary>
    /// <exception cref="HttpProblemException">409 when the instance has not ended within the wait.</exception>
    public async Task<int> DeleteAsync(OrchestrationMetadata instance, DurableTaskClient client, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(instance);
        ArgumentNullException.ThrowIfNull(client);
        if (!HasEnded(instance.RuntimeStatus))
        {
            await client.TerminateInstanceAsync(instance.InstanceId, "Deleted by its session.", cancellationToken);
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            timeout.CancelAfter(TerminateWait);
            try
            {
                await client.WaitForInstanceCompletionAsync(instance.InstanceId, timeout.Token);
            }
            catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
                throw new HttpProblemException(
                    StatusCodes.Status409Conflict,
                    $"Analysis '{instance.InstanceId}' was asked to stop but has not stopped within {TerminateWait.TotalSeconds:0} s; delete it again later.");
            }
        }

        await client.PurgeInstanceAsync(instance.InstanceId, cancellation: cancellationToken);
        return await _results.DeleteAsync(instance.InstanceId, cancellationToken);
    }

    /// <summary>How long a delete waits for a terminated analysis to end.</summary>
    internal static TimeSpan TerminateWait { get; } = TimeSpan.FromSeconds(30);

    /// <summary>Completed, Failed and Terminated instances have ended (and only those can be purged).</summary>
    internal static bool HasEnded(OrchestrationRuntimeStatus status) =>
        status is OrchestrationRuntimeStatus.Completed or OrchestrationRuntimeStatus.Failed or OrchestrationRuntimeStatus.Terminated;

    [GeneratedRegex("^[A-Za-z0-9_-]{1,100}$")]
    private static partial Regex InstanceId();
}
