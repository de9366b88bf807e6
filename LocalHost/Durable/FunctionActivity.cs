using Fractal.LocalHost.Functions;
using Microsoft.DurableTask;

namespace Fractal.LocalHost.Durable;

/// <summary>
/// An <c>[ActivityTrigger]</c> function as an <see cref="ITaskActivity"/> for the shims: the activity input is
/// deserialized to the trigger parameter's type, and the function's return value is the activity's output. The
/// function's <see cref="CancellationToken"/> is cancelled when the host stops or its orchestration instance is purged
/// (<see cref="RunningActivities"/>), and the activity then returns at once without waiting for the function: its work
/// item has gone back to the queue (<see cref="ActivityHandBackService"/>) or its instance is gone, so what it returns is
/// dropped or discarded, and the function, if it goes on, ends on its own or with the process.
/// </summary>
internal sealed class FunctionActivity : ITaskActivity
{
    private readonly FunctionDescriptor _function;
    private readonly FunctionInvoker _invoker;
    private readonly IServiceProvider _services;
    private readonly RunningActivities _running;
    private readonly CancellationToken _stopping;

    public FunctionActivity(FunctionDescriptor function, FunctionInvoker invoker, IServiceProvider services, RunningActivities running, CancellationToken stopping)
    {
        _function = function;
        _invoker = invoker;
        _services = services;
        _running = running;
        _stopping = stopping;
    }

    public Type InputType => _function.Trigger.ParameterType == typeof(TaskActivityContext) ? typeof(object) : _function.Trigger.ParameterType;

    public Type OutputType => _function.ResultType ?? typeof(object);

    public async Task<object?> RunAsync(TaskActivityContext context, object? input)
    {
        ArgumentNullException.ThrowIfNull(context);
        var trigger = _function.Trigger.ParameterType == typeof(TaskActivityContext) ? context : input;
        var cancellation = _running.Start(context.InstanceId, _stopping);
        try
        {
            var invocation = DurableFunctionInvocation.InvokeAsync(_invoker, _function, _services, context.InstanceId, trigger, cancellation.Token);
            try
            {
                return await invocation.WaitAsync(cancellation.Token);
            }
            catch (OperationCanceledException) when (cancellation.IsCancellationRequested)
            {
                // Nobody reads this outcome. The function's own end (often its cancellation) is observed and let go.
                _ = invocation.ContinueWith(ended => ended.Exception, CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
                return null;
            }
        }
        finally
        {
            _running.End(context.InstanceId, cancellation);
        }
    }
}
