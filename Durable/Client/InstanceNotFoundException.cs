namespace Fractal.Durable.Client;

/// <summary>No instance has the id a client named.</summary>
public sealed class InstanceNotFoundException : Exception
{
    public InstanceNotFoundException(string instanceId)
        : base($"No instance has the id '{instanceId}'.")
    {
    }
}
