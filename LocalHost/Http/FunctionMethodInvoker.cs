using System.Reflection;
using System.Runtime.ExceptionServices;

namespace Fractal.LocalHost.Http;

/// <summary>Calls a function method (static, or on an instance the invocation's services activate) and awaits what it returns.</summary>
internal sealed class FunctionMethodInvoker
{
    private readonly MethodInfo _method;
    private readonly ObjectFactory? _factory;
    private readonly PropertyInfo? _taskResult;

    public FunctionMethodInvoker(MethodInfo method)
    {
        ArgumentNullException.ThrowIfNull(method);
        _method = method;
        _factory = method.IsStatic ? null : ActivatorUtilities.CreateFactory(method.DeclaringType!, Type.EmptyTypes);
        var returnType = method.ReturnType;
        if (returnType.IsGenericType && returnType.GetGenericTypeDefinition() == typeof(ValueTask<>))
        {
            _taskResult = typeof(Task<>).MakeGenericType(returnType.GetGenericArguments()[0]).GetProperty(nameof(Task<int>.Result));
        }
        else if (returnType.IsGenericType && returnType.GetGenericTypeDefinition() == typeof(Task<>))
        {
            _taskResult = returnType.GetProperty(nameof(Task<int>.Result));
        }

        ReturnsValue = returnType != typeof(void) && returnType != typeof(Task) && returnType != typeof(ValueTask);
    }

    /// <summary>Whether the method gives a value (not void, <see cref="Task"/> or <see cref="ValueTask"/>).</summary>
    public bool ReturnsValue { get; }

    public async Task<object?> InvokeAsync(IServiceProvider services, object?[] arguments)
    {
        var target = _factory?.Invoke(services, null);
        object? returned;
        try
        {
            returned = _method.Invoke(target, arguments);
        }
        catch (TargetInvocationException ex) when (ex.InnerException is not null)
        {
            ExceptionDispatchInfo.Capture(ex.InnerException).Throw();
            throw;
        }

        try
        {
            switch (returned)
            {
                case Task task:
                    await task;
                    return _taskResult?.GetValue(task);
                case ValueTask valueTask:
                    await valueTask;
                    return null;
                case not null when _taskResult is not null:
                    // ValueTask<T>: take it as a Task<T> to await it without knowing T.
                    var asTask = (Task)returned.GetType().GetMethod(nameof(ValueTask<int>.AsTask))!.Invoke(returned, null)!;
                    await asTask;
                    return _taskResult.GetValue(asTask);
                default:
                    return returned;
            }
        }
        finally
        {
            switch (target)
            {
                case IAsyncDisposable asyncDisposable:
                    await asyncDisposable.DisposeAsync();
                    break;
                case IDisposable disposable:
                    disposable.Dispose();
                    break;
            }
        }
    }
}
