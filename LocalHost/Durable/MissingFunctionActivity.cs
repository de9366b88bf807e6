using Microsoft.DurableTask;

namespace Fractal.LocalHost.Durable;

/// <summary>Runs in place of an activity the app does not have: the call fails with a message naming it.</summary>
internal sealed class MissingFunctionActivity : ITaskActivity
{
    private readonly string _name;

    public MissingFunctionActivity(string name) => _name = name;

    public Type InputType => typeof(object);

    public Type OutputType => typeof(object);

    public Task<object?> RunAsync(TaskActivityContext context, object? input) =>
        throw new InvalidOperationException($"The function '{_name}' doesn't exist or is not an activity function.");
}
