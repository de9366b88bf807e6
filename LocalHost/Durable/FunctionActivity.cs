using Fractal.LocalHost.Functions;
using Microsoft.DurableTask;

namespace Fractal.LocalHost.Durable;

/// <summary>
/// An <c>[ActivityTrigger]</c> function as an <see cref="ITaskActivity"/> for the shims: the activity input is
/// deserialized to the trigger parameter's type, and the function's return value is the activity's output.
/// </summary>
internal sealed class FunctionActivity : ITaskActivity
{
    private readonly FunctionDescriptor _function;
    private readonly FunctionInvoker _invoker;
    private readonly IServiceProvider _services;
    private readonly CancellationToken _stopping;

    public FunctionActivity(FunctionDescriptor function, FunctionInvoker invoker, IServiceProvider services, CancellationToken stopping)
    {
        _function = function;
        _invoker = invoker;
        _services = services;
        _stopping = stopping;
    }

    public Type InputType => _function.Trigger.ParameterType == typeof(TaskActivityContext) ? typeof(object) : _function.Trigger.ParameterType;

    public Type OutputType => _function.ResultType ?? typeof(object);

    public async Task<object?> RunAsync(TaskActivityContext context, object? input)
    {
        ArgumentNullException.ThrowIfNull(context);
        await using var scope = _services.CreateAsyncScope();
        var invocation = new LocalFunctionContext(
            _function,
            scope.ServiceProvider,
            _stopping,
            new Dictionary<string, object?> { ["instanceId"] = context.InstanceId });
        var trigger = _function.Trigger.ParameterType == typeof(TaskActivityContext) ? context : input;
        return await _invoker.InvokeAsync(_function, invocation, trigger);
    }
}
