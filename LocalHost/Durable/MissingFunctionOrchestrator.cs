using Microsoft.DurableTask;

namespace Fractal.LocalHost.Durable;

/// <summary>Runs in place of an orchestrator the app does not have: the instance fails with a message naming it.</summary>
internal sealed class MissingFunctionOrchestrator : ITaskOrchestrator
{
    private readonly string _name;

    public MissingFunctionOrchestrator(string name) => _name = name;

    public Type InputType => typeof(RawOrchestrationInput);

    public Type OutputType => typeof(object);

    public Task<object?> RunAsync(TaskOrchestrationContext context, object? input) =>
        throw new InvalidOperationException($"The function '{_name}' doesn't exist or is not an orchestrator function.");
}
