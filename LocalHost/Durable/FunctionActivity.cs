using DurableTask.Core.Exceptions;
using Fractal.LocalHost.Functions;
using Microsoft.DurableTask;

namespace Fractal.LocalHost.Durable;

/// <summary>
/// An <c>[ActivityTrigger]</c> function as an <see cref="ITaskActivity"/> for the shims: the activity input is
/// deserialized to the trigger parameter's type, and the function's return value is the activity's output. The
/// function's <see cref="CancellationToken"/> is cancelled when the host stops; an activity that then ends with
/// <see cref="OperationCanceledException"/> is abandoned (its message goes back to the work-item queue for this or
/// another host to run again), not failed.
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
        var trigger = _function.Trigger.ParameterType == typeof(TaskActivityContext) ? context : input;
        try
        {
            return await DurableFunctionInvocation.InvokeAsync(_invoker, _function, _services, context.InstanceId, trigger, _stopping);
        }
        catch (OperationCanceledException ex) when (_stopping.IsCancellationRequested)
        {
            // DTFx abandons the work item on SessionAbortedException rather than recording a failure.
            throw new SessionAbortedException($"The host is stopping: activity '{_function.Name}' of '{context.InstanceId}' was abandoned and will run again. ({ex.Message})");
        }
    }
}
