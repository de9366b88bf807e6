namespace Fractal.Durable.Client;

/// <summary>No orchestrator function has the name a client asked to start.</summary>
public sealed class OrchestratorNotFoundException : Exception
{
    public OrchestratorNotFoundException(string name)
        : base($"No orchestrator function is named '{name}'.")
    {
    }
}
