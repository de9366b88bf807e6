namespace Fractal.FunctionApp.Fractalis.Tasks;

/// <summary>The tasks Fractal.js' charts call, each translated to and from the native analysis of the same name.</summary>
internal static class FractalisTasks
{
    private static readonly IFractalisTask[] s_tasks =
    [
        new CorrelationMapping(),
        new BoxplotMapping(),
        new HistogramMapping(),
        new PcaMapping(),
        new HeatmapMapping(),
        new VolcanoMapping(),
        new ClusterMapping(),
        new SurvivalMapping(),
    ];

    /// <summary>Every task name, in the order the charts are listed above.</summary>
    public static IReadOnlyList<string> TaskNames { get; } = [.. s_tasks.Select(task => task.TaskName)];

    /// <summary>The task named <paramref name="taskName"/>, or null when there is none.</summary>
    public static IFractalisTask? Find(string? taskName) => s_tasks.FirstOrDefault(task => task.TaskName == taskName);
}
