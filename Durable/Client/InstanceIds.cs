namespace Fractal.Durable.Client;

/// <summary>Checks instance ids: 1 to 256 characters, none of <c>/ \ # ?</c> nor control characters (they are table keys).</summary>
public static class InstanceIds
{
    public const int MaxLength = 256;

    /// <summary>Throws <see cref="InvalidInstanceIdException"/> naming what is wrong with <paramref name="instanceId"/>.</summary>
    public static void Validate(string? instanceId)
    {
        if (string.IsNullOrWhiteSpace(instanceId))
        {
            throw new InvalidInstanceIdException("An instance id must not be empty.");
        }

        if (instanceId.Length > MaxLength)
        {
            throw new InvalidInstanceIdException($"An instance id is at most {MaxLength} characters.");
        }

        foreach (var c in instanceId)
        {
            if (c is '/' or '\\' or '#' or '?' || char.IsControl(c))
            {
                throw new InvalidInstanceIdException($"An instance id must not contain '/', '\\', '#', '?' or control characters.");
            }
        }
    }
}
