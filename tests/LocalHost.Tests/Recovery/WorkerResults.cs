using System.Text.Json;
using DurableTask.Core.History;
using Fractal.Samples;

namespace Fractal.LocalHost.Tests.Recovery;

/// <summary>Reads which worker ran each activity of a <see cref="WorkerFanOutSample.WorkerFanOut"/> from its history.</summary>
internal static class WorkerResults
{
    private static readonly JsonSerializerOptions s_json = new() { PropertyNameCaseInsensitive = true };

    /// <summary>The workers named by the activity results the history holds so far.</summary>
    public static IReadOnlySet<string> Workers(IList<HistoryEvent> history) => history
        .OfType<TaskCompletedEvent>()
        .Select(e => JsonSerializer.Deserialize<WorkerEcho>(e.Result, s_json)!.WorkerId)
        .ToHashSet();
}
