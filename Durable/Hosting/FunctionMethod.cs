using System.Reflection;
using Microsoft.Extensions.DependencyInjection;

namespace Fractal.Durable.Hosting;

/// <summary>
/// A discovered function method and how to call it: instance methods get a fresh instance of their
/// class per invocation, built from the service provider, as the isolated worker does.
/// </summary>
internal sealed class FunctionMethod
{
    private readonly Func<object, object?>? _getResult;
    private readonly Func<object, Task>? _asTask;
    private readonly ObjectFactory? _factory;

    public FunctionMethod(string name, MethodInfo method)
    {
        ArgumentNullException.ThrowIfNull(method);
        Name = name;
        Method = method;
        Parameters = method.GetParameters();
        if (!method.IsStatic)
        {
            _factory = ActivatorUtilities.CreateFactory(method.DeclaringType!, Type.EmptyTypes);
        }

        var returnType = method.ReturnType;
        if (typeof(Task).IsAssignableFrom(returnType))
        {
            _asTask = value => (Task)value;
            if (returnType.IsGenericType)
            {
                var result = returnType.GetProperty(nameof(Task<object>.Result))!;
                _getResult = result.GetValue;
            }
        }
        else if (returnType == typeof(ValueTask))
        {
            _asTask = value => ((ValueTask)value).AsTask();
        }
        else if (returnType.IsGenericType && returnType.GetGenericTypeDefinition() == typeof(ValueTask<>))
        {
            var asTask = returnType.GetMethod(nameof(ValueTask<object>.AsTask))!;
            var taskResult = asTask.ReturnType.GetProperty(nameof(Task<object>.Result))!;
            _asTask = value => (Task)asTask.Invoke(value, null)!;
            _getResult = taskResult.GetValue;
        }

        ResultType = returnType switch
        {
            _ when returnType == typeof(void) || returnType == typeof(Task) || returnType == typeof(ValueTask) => typeof(void),
            _ when _asTask is not null => returnType.GetGenericArguments()[0],
            _ => returnType,
        };
    }

    public string Name { get; }

    public MethodInfo Method { get; }

    public IReadOnlyList<ParameterInfo> Parameters { get; }

    /// <summary>What the function produces once awaited; <see cref="void"/> for none.</summary>
    public Type ResultType { get; }

    public async ValueTask<object?> InvokeAsync(IServiceProvider services, object?[] arguments)
    {
        var target = _factory?.Invoke(services, null);
        try
        {
            var returned = Method.Invoke(target, BindingFlags.DoNotWrapExceptions, binder: null, arguments, culture: null);
            if (_asTask is null)
            {
                return returned;
            }

            if (returned is null)
            {
                throw new InvalidOperationException($"Function '{Name}' returned a null task.");
            }

            var task = _asTask(returned);
            await task;
            return _getResult?.Invoke(task);
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
