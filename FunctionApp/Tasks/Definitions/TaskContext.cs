namespace Fractal.FunctionApp.Tasks.Definitions;

/// <summary>What a model's activity knows of the task it works for: its id (the client's, without the instance prefix).</summary>
public sealed record TaskContext(string TaskId);
