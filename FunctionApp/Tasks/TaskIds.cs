using System.Text.RegularExpressions;

namespace Fractal.FunctionApp.Tasks;

/// <summary>
/// Task ids and the instance ids they map to. Tasks live in their own namespace, <c>task:{id}</c> (a chained model's
/// steps under <c>task-step:{id}:{n}</c>), so no client-chosen id can name an analysis, a data load or another
/// orchestration.
/// </summary>
public static partial class TaskIds
{
    public const string InstancePrefix = "task:";

    /// <summary>Whether <paramref name="taskId"/> can be a task id: 1–64 letters, digits, - or _.</summary>
    public static bool IsValid(string? taskId) => taskId is not null && Pattern().IsMatch(taskId);

    public static string InstanceId(string taskId) => InstancePrefix + taskId;

    /// <summary>The task id of a task's instance id, or null for any other instance.</summary>
    public static string? FromInstanceId(string instanceId) =>
        instanceId is not null && instanceId.StartsWith(InstancePrefix, StringComparison.Ordinal) && IsValid(instanceId[InstancePrefix.Length..])
            ? instanceId[InstancePrefix.Length..]
            : null;

    /// <summary>The instance id of step <paramref name="step"/> of a chained task.</summary>
    public static string StepInstanceId(string taskId, int step) => $"task-step:{taskId}:{step}";

    [GeneratedRegex("^[A-Za-z0-9_-]{1,64}$")]
    private static partial Regex Pattern();
}
