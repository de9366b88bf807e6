using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Abstractions;

namespace Fractal.LocalHost.Http;

/// <summary>
/// Writes what an HTTP function returned, as the worker's ASP.NET Core integration does:
/// <see cref="IActionResult"/> executed with an <see cref="ActionContext"/>, <see cref="IResult"/> executed,
/// any other object as JSON 200; nothing (void) leaves the response as the function set it, 204 when untouched.
/// </summary>
internal static class HttpResultWriter
{
    public static Task WriteAsync(HttpContext context, object? result, bool returnsValue)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (context.Response.HasStarted)
        {
            return Task.CompletedTask;
        }

        switch (result)
        {
            case IActionResult action:
                return action.ExecuteResultAsync(new ActionContext(context, context.GetRouteData(), new ActionDescriptor()));
            case IResult httpResult:
                return httpResult.ExecuteAsync(context);
            case null when !returnsValue:
                if (context.Response.StatusCode == StatusCodes.Status200OK && context.Response.ContentLength is null)
                {
                    context.Response.StatusCode = StatusCodes.Status204NoContent;
                }

                return Task.CompletedTask;
            case null:
                context.Response.StatusCode = StatusCodes.Status204NoContent;
                return Task.CompletedTask;
            default:
                return Results.Json(result).ExecuteAsync(context);
        }
    }
}
