namespace Fractal.FunctionApp.Tasks.Definitions;

/// <summary>A task request that cannot run as sent: the field at fault (<c>model</c>, <c>task_id</c>, <c>params.…</c>) and why.</summary>
public sealed class TaskParameterException : ArgumentException
{
    public TaskParameterException(string field, string message)
        : base(message)
    {
        ArgumentException.ThrowIfNullOrEmpty(field);
        Field = field;
    }

    /// <summary>The request field at fault.</summary>
    public string Field { get; }
}
