using System.Reflection;
using Fractal.Durable.Client;
using Fractal.Durable.Engine;
using Fractal.Durable.Functions;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Fractal.Durable.Hosting;

/// <summary>Turns discovered orchestrator and activity functions into entries of a <see cref="DurableFunctionRegistry"/>.</summary>
internal static class DurableFunctionBindings
{
    public static DurableFunctionRegistry CreateRegistry(FunctionCatalog catalog, IServiceProvider services)
    {
        var registry = new DurableFunctionRegistry();
        foreach (var function in catalog.Orchestrators)
        {
            var binders = function.Parameters.Select(p => OrchestratorBinder(function, p)).ToArray();
            registry.AddOrchestratorRaw(function.Name, async context =>
            {
                var arguments = binders.Select(bind => bind(context)).ToArray();
                return registry.Converter.Serialize(await function.InvokeAsync(services, arguments));
            });
        }

        foreach (var function in catalog.Activities)
        {
            var binders = function.Parameters.Select(p => ActivityBinder(function, p, registry.Converter)).ToArray();
            registry.AddActivityRaw(function.Name, async invocation =>
            {
                var arguments = binders.Select(bind => bind(invocation, services)).ToArray();
                return registry.Converter.Serialize(await function.InvokeAsync(services, arguments));
            });
        }

        return registry;
    }

    private static Func<TaskOrchestrationContext, object?> OrchestratorBinder(FunctionMethod function, ParameterInfo parameter)
    {
        if (parameter.ParameterType == typeof(TaskOrchestrationContext))
        {
            return context => context;
        }

        if (parameter.ParameterType == typeof(ILogger))
        {
            return context => context.CreateReplaySafeLogger($"Function.{function.Name}");
        }

        throw Unbindable(function, parameter, "a [OrchestrationTrigger] TaskOrchestrationContext or an ILogger");
    }

    private static Func<ActivityInvocation, IServiceProvider, object?> ActivityBinder(FunctionMethod function, ParameterInfo parameter, DataConverter converter)
    {
        var type = parameter.ParameterType;
        if (parameter.IsDefined(typeof(ActivityTriggerAttribute), inherit: false))
        {
            return (invocation, _) => invocation.Input is null ? null : converter.Deserialize(invocation.Input, type);
        }

        if (type == typeof(CancellationToken))
        {
            return (invocation, _) => invocation.CancellationToken;
        }

        if (type == typeof(ILogger))
        {
            var category = $"Function.{function.Name}";
            return (_, services) => services.GetRequiredService<ILoggerFactory>().CreateLogger(category);
        }

        if (parameter.IsDefined(typeof(DurableClientAttribute), inherit: false) && type == typeof(DurableTaskClient))
        {
            return (_, services) => services.GetRequiredService<DurableTaskClient>();
        }

        if (type == typeof(ActivityInvocation))
        {
            return (invocation, _) => invocation;
        }

        throw Unbindable(function, parameter, "the [ActivityTrigger] input, a CancellationToken, an ILogger, an ActivityInvocation or a [DurableClient]");
    }

    private static InvalidOperationException Unbindable(FunctionMethod function, ParameterInfo parameter, string allowed) =>
        new($"Function '{function.Name}' has a parameter '{parameter.Name}' of type {parameter.ParameterType.Name} that the host cannot bind; use {allowed}.");
}
