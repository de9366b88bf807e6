namespace Fractal.Durable.Client;

/// <summary>An instance id that storage cannot hold: empty, too long, or with a forbidden character.</summary>
public sealed class InvalidInstanceIdException : ArgumentException
{
    public InvalidInstanceIdException(string message)
        : base(message, "instanceId")
    {
    }
}
