using Fractal.LocalHost.Functions;
using Microsoft.DurableTask;

namespace Fractal.LocalHost.Durable;

/// <summary>
/// An <c>[OrchestrationTrigger]</c> function as an <see cref="ITaskOrchestrator"/> for the shims. The input stays raw
/// JSON until the body asks for it; the function runs on the caller's (DTFx's) task scheduler.
/// </summary>
internal sealed class FunctionOrchestrator : ITaskOrchestrator
{
    private readonly FunctionDescriptor _function;
    private readonly FunctionInvoker _invoker;
    private readonly IServiceProvider _services;
    private readonly DataConverter _dataConverter;
    private readonly ILoggerFactory _loggerFactory;
    private readonly CancellationToken _stopping;

    public FunctionOrchestrator(
        FunctionDescriptor function,
        FunctionInvoker invoker,
        IServiceProvider services,
        DataConverter dataConverter,
        ILoggerFactory loggerFactory,
        CancellationToken stopping)
    {
        _function = function;
        _invoker = invoker;
        _services = services;
        _dataConverter = dataConverter;
        _loggerFactory = loggerFactory;
        _stopping = stopping;
    }

    public Type InputType => typeof(RawOrchestrationInput);

    public Type OutputType => _function.ResultType ?? typeof(object);

    public async Task<object?> RunAsync(TaskOrchestrationContext context, object? input)
    {
        ArgumentNullException.ThrowIfNull(context);
        var functionsContext = new FunctionOrchestrationContext(context, input as RawOrchestrationInput, _dataConverter, _loggerFactory);

        // Awaited on the orchestration's own scheduler: ConfigureAwait(false) here would hang the instance.
        return await DurableFunctionInvocation.InvokeAsync(_invoker, _function, _services, context.InstanceId, functionsContext, _stopping);
    }
}
