namespace Fractal.Durable.Replay;

/// <summary>The orchestrator, replayed, did something other than what its history records.</summary>
public sealed class NonDeterministicOrchestrationException : Exception
{
    public NonDeterministicOrchestrationException(string message)
        : base(message)
    {
    }
}
