namespace Fractal.LocalHost.Durable;

/// <summary>
/// The instance IDs Durable Functions accepts: at most 256 characters, none of them '/', '\', '#', '?' or a control
/// character (they could not be a table row key in the task hub).
/// </summary>
internal static class InstanceIds
{
    public const int MaxLength = 256;

    /// <summary>The parameter a refused ID is reported against by <c>ScheduleNewOrchestrationInstanceAsync</c>.</summary>
    public const string OptionsParameter = "options";

    /// <exception cref="ArgumentException">The ID is empty, too long or holds a character Durable Functions refuses.</exception>
    public static void Validate(string instanceId, string paramName)
    {
        ArgumentException.ThrowIfNullOrEmpty(instanceId, paramName);
        if (instanceId.Length > MaxLength)
        {
            throw new ArgumentException($"Instance IDs are at most {MaxLength} characters; this one has {instanceId.Length}.", paramName);
        }

        if (instanceId.Any(c => c is '/' or '\\' or '#' or '?' || char.IsControl(c)))
        {
            throw new ArgumentException("Instance IDs may not contain '/', '\\', '#', '?' or control characters.", paramName);
        }
    }
}
