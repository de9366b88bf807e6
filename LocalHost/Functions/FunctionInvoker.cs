using System.Collections.Concurrent;
using System.Reflection;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.Logging.Abstractions;

namespace Fractal.LocalHost.Functions;

/// <summary>
/// Calls a function's method as the isolated worker does: the declaring class is created through DI for instance
/// methods, parameters are bound (the trigger input, <see cref="FunctionContext"/>, <see cref="CancellationToken"/>,
/// <see cref="ILogger"/>, input bindings through <see cref="IFunctionInputBinder"/>s, other types from DI), and
/// <c>Task</c>/<c>ValueTask</c> results are awaited.
/// </summary>
/// <remarks>
/// Nothing here leaves the caller's task scheduler (no <c>ConfigureAwait(false)</c>): orchestrators are invoked on
/// DTFx's orchestration scheduler and must stay there.
/// </remarks>
public sealed class FunctionInvoker
{
    private readonly IFunctionInputBinder[] _binders;
    private readonly ConcurrentDictionary<Type, ObjectFactory> _factories = new();
    private readonly ConcurrentDictionary<Type, PropertyInfo> _taskResults = new();

    /// <summary>Creates an invoker that binds input-binding parameters through <paramref name="binders"/>.</summary>
    public FunctionInvoker(IEnumerable<IFunctionInputBinder> binders)
    {
        ArgumentNullException.ThrowIfNull(binders);
        _binders = [.. binders];
    }

    /// <summary>Invokes <paramref name="function"/> and returns the value it produced once awaited (none: <see langword="null"/>).</summary>
    /// <param name="function">The function to call.</param>
    /// <param name="context">The invocation's context: its services, cancellation token and items.</param>
    /// <param name="triggerInput">The value for the trigger parameter, already of the parameter's type.</param>
    /// <exception cref="InvalidOperationException">A parameter cannot be bound (the message names it).</exception>
    public async Task<object?> InvokeAsync(FunctionDescriptor function, FunctionContext context, object? triggerInput)
    {
        ArgumentNullException.ThrowIfNull(function);
        ArgumentNullException.ThrowIfNull(context);
        var services = context.InstanceServices;
        var arguments = new object?[function.Parameters.Length];
        for (var i = 0; i < arguments.Length; i++)
        {
            var parameter = function.Parameters[i];
            arguments[i] = parameter.Kind switch
            {
                FunctionParameterKind.Trigger => triggerInput,
                FunctionParameterKind.FunctionContext => context,
                FunctionParameterKind.CancellationToken => context.CancellationToken,
                FunctionParameterKind.Logger => LoggerFor(function, services),
                FunctionParameterKind.InputBinding => await BindInputAsync(function, parameter, context),
                _ => Service(function, parameter, services),
            };
        }

        var target = function.Method.IsStatic ? null : _factories.GetOrAdd(function.DeclaringType, CreateFactory)(services, null);
        try
        {
            var returned = function.Method.Invoke(target, BindingFlags.DoNotWrapExceptions, binder: null, arguments, culture: null);
            return await ResultAsync(function, returned);
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
                default:
                    break;
            }
        }
    }

    private static ObjectFactory CreateFactory(Type type) => ActivatorUtilities.CreateFactory(type, Type.EmptyTypes);

    private static ILogger LoggerFor(FunctionDescriptor function, IServiceProvider services) =>
        (services.GetService<ILoggerFactory>() ?? NullLoggerFactory.Instance).CreateLogger($"Function.{function.Name}");

    private static object? Service(FunctionDescriptor function, FunctionParameterDescriptor parameter, IServiceProvider services)
    {
        var service = services.GetService(parameter.ParameterType);
        if (service is not null)
        {
            return service;
        }

        if (parameter.Parameter.HasDefaultValue)
        {
            return parameter.Parameter.DefaultValue;
        }

        throw new InvalidOperationException(
            $"The parameter '{parameter.Name}' of the function '{function.Name}' has no binding, and no service of type "
            + $"{parameter.ParameterType.FullName} is registered.");
    }

    private async ValueTask<object?> BindInputAsync(FunctionDescriptor function, FunctionParameterDescriptor parameter, FunctionContext context)
    {
        foreach (var binder in _binders)
        {
            if (binder.CanBind(parameter))
            {
                return await binder.BindAsync(parameter, context);
            }
        }

        throw new InvalidOperationException(
            $"The parameter '{parameter.Name}' of the function '{function.Name}' has the binding "
            + $"[{parameter.Binding!.GetType().Name}], which the local host does not serve.");
    }

    private async Task<object?> ResultAsync(FunctionDescriptor function, object? returned)
    {
        switch (returned)
        {
            case Task task:
                await task;
                return function.ResultType is null ? null : TaskResult(function.ResultType, task);
            case ValueTask valueTask:
                await valueTask;
                return null;
            case not null when function.ResultType is not null && function.Method.ReturnType.IsGenericType
                && function.Method.ReturnType.GetGenericTypeDefinition() == typeof(ValueTask<>):
                var asTask = (Task)function.Method.ReturnType.GetMethod(nameof(ValueTask<int>.AsTask))!.Invoke(returned, null)!;
                await asTask;
                return TaskResult(function.ResultType, asTask);
            default:
                return returned;
        }
    }

    private object? TaskResult(Type resultType, Task task) =>
        _taskResults.GetOrAdd(resultType, t => typeof(Task<>).MakeGenericType(t).GetProperty(nameof(Task<int>.Result))!).GetValue(task);
}
