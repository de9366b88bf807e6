namespace Fractal.Durable.Client;

/// <summary>Checks instance ids: 1 to 256 characters, none of <c>/ \ # ?</c> nor control characters (they are table keys).</summary>
public static class InstanceIds
{
    public const int MaxLength = 256;

    /// <summary>Throws <see cref="ArgumentException"/> naming what is wrong with <paramref name="instanceId"/>.</summary>
    public static void Validate(string? instanceId)
    {
        if (string.IsNullOrWhiteSpace(instanceId))
        {
            throw new ArgumentException("An instance id must not be empty.", nameof(instanceId));
        }

        if (instanceId.Length > MaxLength)
        {
            throw new ArgumentException($"An instance id is at most {MaxLength} characters.", nameof(instanceId));
        }

        foreach (var c in instanceId)
        {
            if (c is '/' or '\\' or '#' or '?' || char.IsControl(c))
            {
                throw new ArgumentException($"An instance id must not contain '/', '\\', '#', '?' or control characters.", nameof(instanceId));
            }
        }
    }
}
