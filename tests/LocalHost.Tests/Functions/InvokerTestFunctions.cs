using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.Logging;

namespace Fractal.LocalHost.Tests.Functions;

/// <summary>Functions with every kind of parameter the invoker binds; an instance class built through DI.</summary>
public sealed class InvokerTestFunctions
{
    private readonly GreetingService _greetings;

    public InvokerTestFunctions(GreetingService greetings) => _greetings = greetings;

    [Function(nameof(Greet))]
    public async ValueTask<string> Greet(
        [ActivityTrigger] string name, FunctionContext context, ILogger logger, GreetingService direct, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(logger);
        ArgumentNullException.ThrowIfNull(direct);
        await Task.Yield();
        cancellationToken.ThrowIfCancellationRequested();
        return $"{_greetings.Greet(name)} from {context.FunctionDefinition.Name}";
    }

    [Function(nameof(Nothing))]
    public static Task Nothing([ActivityTrigger] string input) => Task.CompletedTask;

    [Function(nameof(OnMessage))]
    public static void OnMessage([TestQueueTrigger("work")] string message)
    {
    }
}
