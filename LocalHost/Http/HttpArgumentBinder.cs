using System.ComponentModel;
using System.Globalization;
using System.Reflection;
using Microsoft.AspNetCore.Routing.Patterns;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask.Client;

namespace Fractal.LocalHost.Http;

/// <summary>
/// Binds an HTTP function's parameters as the isolated worker with ASP.NET Core integration does:
/// the trigger as <see cref="HttpRequest"/>, <see cref="FunctionContext"/>, <see cref="CancellationToken"/>,
/// <c>[DurableClient]</c>, <see cref="ILogger"/>, route values by parameter name, and DI services.
/// </summary>
internal static class HttpArgumentBinder
{
    /// <summary>One binder per parameter of <paramref name="function"/>; throws at start for a parameter nothing can bind.</summary>
    public static Func<FunctionContext, object?>[] Create(HttpFunction function, RoutePattern pattern, IServiceProviderIsService services)
    {
        ArgumentNullException.ThrowIfNull(function);
        return [.. function.Method.GetParameters().Select(p => Create(function, p, pattern, services))];
    }

    private static Func<FunctionContext, object?> Create(HttpFunction function, ParameterInfo parameter, RoutePattern pattern, IServiceProviderIsService services)
    {
        var type = parameter.ParameterType;
        var name = parameter.Name!;
        if (name == function.TriggerParameterName)
        {
            return type.IsAssignableFrom(typeof(HttpRequest))
                ? context => HttpInvocation.Of(context).HttpContext.Request
                : throw Unbindable(function, parameter, "an [HttpTrigger] parameter must be an HttpRequest (ASP.NET Core integration)");
        }

        if (type == typeof(FunctionContext))
        {
            return context => context;
        }

        if (type == typeof(HttpContext))
        {
            return context => HttpInvocation.Of(context).HttpContext;
        }

        if (type == typeof(CancellationToken))
        {
            return context => context.CancellationToken;
        }

        if (parameter.IsDefined(typeof(DurableClientAttribute), inherit: false))
        {
            return type.IsAssignableFrom(typeof(DurableTaskClient))
                ? context => HttpInvocation.Of(context).DurableClient()
                : throw Unbindable(function, parameter, "a [DurableClient] parameter must be a DurableTaskClient");
        }

        if (type == typeof(ILogger))
        {
            var category = $"Function.{function.Name}";
            return context => context.InstanceServices.GetRequiredService<ILoggerFactory>().CreateLogger(category);
        }

        if (pattern.GetParameter(name) is not null)
        {
            return RouteValue(parameter);
        }

        if (services.IsService(type))
        {
            return context => context.InstanceServices.GetRequiredService(type);
        }

        if (parameter.HasDefaultValue)
        {
            return _ => parameter.DefaultValue;
        }

        throw Unbindable(function, parameter,
            "use HttpRequest, FunctionContext, CancellationToken, ILogger, a [DurableClient], a route value of the same name or a registered service");
    }

    private static Func<FunctionContext, object?> RouteValue(ParameterInfo parameter)
    {
        var name = parameter.Name!;
        var type = Nullable.GetUnderlyingType(parameter.ParameterType) ?? parameter.ParameterType;
        var converter = TypeDescriptor.GetConverter(type);
        return context =>
        {
            var raw = HttpInvocation.Of(context).HttpContext.GetRouteValue(name)?.ToString();
            if (raw is null)
            {
                return parameter.HasDefaultValue ? parameter.DefaultValue : null;
            }

            if (type == typeof(string))
            {
                return raw;
            }

            try
            {
                return converter.ConvertFromString(null, CultureInfo.InvariantCulture, raw);
            }
            catch (Exception ex) when (ex is FormatException or NotSupportedException or ArgumentException or OverflowException)
            {
                throw HttpProblemException.BadRequest(name, $"The route value '{name}' is not a valid {type.Name}.");
            }
        };
    }

    private static InvalidOperationException Unbindable(HttpFunction function, ParameterInfo parameter, string rule) =>
        new($"Function '{function.Name}' has a parameter '{parameter.Name}' of type {parameter.ParameterType.Name} that the host cannot bind: {rule}.");
}
