namespace Fractal.FunctionApp.Tasks;

/// <summary>What intake did with a request: the task's id and instance id, and whether it started the task (false: the id existed).</summary>
public sealed record TaskStart(string TaskId, string InstanceId, bool Started);
