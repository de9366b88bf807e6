using System.ComponentModel;
using System.Globalization;
using System.Reflection;
using Fractal.Durable.Functions;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.Routing.Patterns;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Fractal.Durable.Hosting;

/// <summary>
/// Maps HTTP-triggered functions to ASP.NET Core endpoints under the route prefix. The attributes of the
/// function method and of its class become endpoint metadata, so ASP.NET Core's own attributes (such as
/// <c>[EnableCors]</c>) and <see cref="HttpErrorShapeAttribute"/> apply.
/// </summary>
internal static class HttpFunctionEndpoints
{
    public static void Map(IEndpointRouteBuilder endpoints, FunctionCatalog catalog, FunctionHostOptions options, IConfiguration settings)
    {
        foreach (var function in catalog.HttpFunctions)
        {
            var template = function.Template(options, settings);
            var pattern = RoutePatternFactory.Parse(template);
            var binders = function.Function.Parameters.Select(p => CreateBinder(function.Function, p, pattern)).ToArray();
            var handler = CreateHandler(function, binders, options);
            var builder = function.Methods.Count == 0
                ? endpoints.Map(pattern, handler)
                : endpoints.MapMethods(template, function.Methods, handler);
            // The class's attributes first, so that the method's own win where both say the same thing.
            var method = function.Function.Method;
            builder.WithDisplayName(function.Function.Name)
                .WithMetadata([.. method.DeclaringType?.GetCustomAttributes(inherit: true) ?? [], .. method.GetCustomAttributes(inherit: true)]);
        }
    }

    private static RequestDelegate CreateHandler(HttpFunction function, Func<HttpContext, object?>[] binders, FunctionHostOptions options) =>
        async context =>
        {
            if (function.AuthLevel != AuthorizationLevel.Anonymous && !FunctionKeys.IsAuthorized(context.Request, options.HostKey))
            {
                await FunctionKeys.RejectAsync(context);
                return;
            }

            var arguments = new object?[binders.Length];
            for (var i = 0; i < binders.Length; i++)
            {
                arguments[i] = binders[i](context);
            }

            var result = await function.Function.InvokeAsync(context.RequestServices, arguments);
            switch (result)
            {
                case IResult httpResult:
                    await httpResult.ExecuteAsync(context);
                    break;
                case null when function.Function.ResultType == typeof(void):
                    context.Response.StatusCode = StatusCodes.Status204NoContent;
                    break;
                default:
                    await Results.Ok(result).ExecuteAsync(context);
                    break;
            }
        };

    private static Func<HttpContext, object?> CreateBinder(FunctionMethod function, ParameterInfo parameter, RoutePattern pattern)
    {
        var type = parameter.ParameterType;
        if (type == typeof(HttpRequest))
        {
            return context => context.Request;
        }

        if (type == typeof(HttpContext))
        {
            return context => context;
        }

        if (type == typeof(CancellationToken))
        {
            return context => context.RequestAborted;
        }

        if (type == typeof(ILogger))
        {
            var category = $"Function.{function.Name}";
            return context => context.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger(category);
        }

        if (parameter.IsDefined(typeof(DurableClientAttribute), inherit: false))
        {
            return context => context.RequestServices.GetRequiredService(type);
        }

        var name = parameter.Name!;
        if (pattern.GetParameter(name) is not null)
        {
            var converter = TypeDescriptor.GetConverter(type);
            return context =>
            {
                var raw = context.GetRouteValue(name)?.ToString();
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
                catch (Exception ex) when (ex is FormatException or NotSupportedException or ArgumentException)
                {
                    throw HttpProblemException.BadRequest(name, $"The route value '{name}' is not a valid {type.Name}.");
                }
            };
        }

        throw new InvalidOperationException(
            $"Function '{function.Name}' has a parameter '{name}' of type {type.Name} that the host cannot bind: " +
            "use HttpRequest, HttpContext, CancellationToken, ILogger, a [DurableClient], or a route value of the same name.");
    }
}
