using System.Collections.Concurrent;
using System.ComponentModel;
using System.Globalization;
using System.Reflection;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Azure.Functions.Worker.Middleware;
using Microsoft.Extensions.Logging.Abstractions;

namespace Fractal.LocalHost.Functions;

/// <summary>
/// Runs one invocation of a function as the isolated worker does, whatever its trigger: through the app's worker
/// middleware (when a <see cref="WorkerApplicationBuilder"/> is registered) to the function, whose declaring class is
/// created through DI for instance methods. Parameters are bound from the trigger input, the
/// <see cref="FunctionContext"/>, its <see cref="CancellationToken"/>, an <see cref="ILogger"/>, input bindings through
/// <see cref="IFunctionInputBinder"/>s (<c>[DurableClient]</c>), DI services, and otherwise the invocation's binding
/// data by parameter name (HTTP route and query values); <c>Task</c>/<c>ValueTask</c> results are awaited.
/// </summary>
/// <remarks>
/// Nothing here leaves the caller's task scheduler (no <c>ConfigureAwait(false)</c>): orchestrators are invoked on
/// DTFx's orchestration scheduler and must stay there (and so must the app's middleware).
/// </remarks>
public sealed class FunctionInvoker
{
    private readonly IFunctionInputBinder[] _binders;
    private readonly FunctionExecutionDelegate _pipeline;
    private readonly ConcurrentDictionary<Type, ObjectFactory> _factories = new();
    private readonly ConcurrentDictionary<Type, PropertyInfo> _taskResults = new();

    /// <summary>Creates an invoker that binds input-binding parameters through <paramref name="binders"/>.</summary>
    /// <param name="binders">The input binders, asked in turn.</param>
    /// <param name="worker">The app's worker builder, whose middleware wraps every invocation; none: no middleware.</param>
    public FunctionInvoker(IEnumerable<IFunctionInputBinder> binders, WorkerApplicationBuilder? worker = null)
    {
        ArgumentNullException.ThrowIfNull(binders);
        _binders = [.. binders];
        _pipeline = worker is null ? RunFunctionAsync : worker.BuildPipeline(RunFunctionAsync);
    }

    /// <summary>
    /// Invokes <paramref name="function"/> through the middleware and returns the value it produced once awaited (none, or
    /// the middleware answered without calling it: <see langword="null"/>).
    /// </summary>
    /// <param name="function">The function to call.</param>
    /// <param name="context">The invocation's context: its services, cancellation token, binding data and items.</param>
    /// <param name="triggerInput">The value for the trigger parameter, already of the parameter's type.</param>
    /// <exception cref="InvalidOperationException">A parameter cannot be bound (the message names it).</exception>
    public async Task<object?> InvokeAsync(FunctionDescriptor function, FunctionContext context, object? triggerInput) =>
        (await ExecuteAsync(function, context, triggerInput)).Result;

    /// <summary>As <see cref="InvokeAsync"/>, telling also whether the function ran to its end.</summary>
    internal async Task<FunctionInvocation> ExecuteAsync(FunctionDescriptor function, FunctionContext context, object? triggerInput)
    {
        ArgumentNullException.ThrowIfNull(function);
        ArgumentNullException.ThrowIfNull(context);
        var invocation = new FunctionInvocation(function, triggerInput);
        context.Features.Set(invocation);
        await _pipeline(context);
        return invocation;
    }

    private async Task RunFunctionAsync(FunctionContext context)
    {
        var invocation = context.Features.Get<FunctionInvocation>()
            ?? throw new InvalidOperationException("The invocation was not started by the local host's FunctionInvoker.");
        var function = invocation.Function;
        var services = context.InstanceServices;
        var arguments = new object?[function.Parameters.Length];
        for (var i = 0; i < arguments.Length; i++)
        {
            var parameter = function.Parameters[i];
            arguments[i] = parameter.Kind switch
            {
                FunctionParameterKind.Trigger => invocation.TriggerInput,
                FunctionParameterKind.FunctionContext => context,
                FunctionParameterKind.CancellationToken => context.CancellationToken,
                FunctionParameterKind.Logger => LoggerFor(function, services),
                FunctionParameterKind.InputBinding => await BindInputAsync(function, parameter, context),
                _ => ServiceOrBindingData(function, parameter, context),
            };
        }

        var target = function.Method.IsStatic ? null : _factories.GetOrAdd(function.DeclaringType, CreateFactory)(services, null);
        try
        {
            var returned = function.Method.Invoke(target, BindingFlags.DoNotWrapExceptions, binder: null, arguments, culture: null);
            invocation.Result = await ResultAsync(function, returned);
            invocation.Returned = true;
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

    private static object? ServiceOrBindingData(FunctionDescriptor function, FunctionParameterDescriptor parameter, FunctionContext context)
    {
        var service = context.InstanceServices.GetService(parameter.ParameterType);
        if (service is not null)
        {
            return service;
        }

        var type = Nullable.GetUnderlyingType(parameter.ParameterType) ?? parameter.ParameterType;
        var converter = TypeDescriptor.GetConverter(type);
        var convertible = type == typeof(string) || converter.CanConvertFrom(typeof(string));
        if (context.BindingContext.BindingData.TryGetValue(parameter.Name, out var value) && value is not null)
        {
            if (parameter.ParameterType.IsInstanceOfType(value))
            {
                return value;
            }

            if (convertible)
            {
                try
                {
                    return converter.ConvertFromString(null, CultureInfo.InvariantCulture, Convert.ToString(value, CultureInfo.InvariantCulture)!);
                }
                catch (Exception ex) when (ex is FormatException or NotSupportedException or ArgumentException or OverflowException)
                {
                    throw new FunctionBindingException(parameter.Name, $"The value of '{parameter.Name}' is not a valid {type.Name}.", ex);
                }
            }
        }

        if (parameter.Parameter.HasDefaultValue)
        {
            return parameter.Parameter.DefaultValue;
        }

        if (convertible)
        {
            // A value the invocation does not carry (an optional route value, an absent query value): the type's default.
            return parameter.ParameterType.IsValueType ? Activator.CreateInstance(parameter.ParameterType) : null;
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
