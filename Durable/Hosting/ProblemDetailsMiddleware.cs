using System.Text.Json;
using Fractal.Durable.Client;
using Fractal.Durable.Functions;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace Fractal.Durable.Hosting;

/// <summary>
/// Turns what a request throws into an error answer (problem details, or the shape the endpoint's
/// <see cref="HttpErrorShapeAttribute"/> gives), so that no input can crash the host.
/// </summary>
internal sealed class ProblemDetailsMiddleware
{
    private readonly RequestDelegate _next;
    private readonly ILogger<ProblemDetailsMiddleware> _logger;

    public ProblemDetailsMiddleware(RequestDelegate next, ILogger<ProblemDetailsMiddleware> logger)
    {
        _next = next;
        _logger = logger;
    }

    public async Task InvokeAsync(HttpContext context)
    {
        try
        {
            await _next(context);
        }
        catch (OperationCanceledException) when (context.RequestAborted.IsCancellationRequested)
        {
            // The caller went away; there is nobody to answer.
        }
        catch (Exception ex) when (!context.Response.HasStarted)
        {
            var (status, detail, field) = Describe(ex);
            if (status >= 500)
            {
                _logger.LogError(ex, "Request {Method} {Path} failed", context.Request.Method, context.Request.Path);
            }

            // Keep what CORS granted, so that a cross-origin caller can read the error.
            var cors = context.Response.Headers.Where(h => h.Key.StartsWith("Access-Control-", StringComparison.OrdinalIgnoreCase)).ToList();
            context.Response.Clear();
            foreach (var (name, value) in cors)
            {
                context.Response.Headers[name] = value;
            }

            await Problems.WriteErrorAsync(context, status, detail, field);
        }
    }

    private static (int Status, string Detail, string? Field) Describe(Exception ex) => ex switch
    {
        HttpProblemException problem => (problem.StatusCode, problem.Message, problem.Field),
        OrchestratorNotFoundException notFound => (StatusCodes.Status404NotFound, notFound.Message, "name"),
        InstanceNotFoundException notFound => (StatusCodes.Status404NotFound, notFound.Message, null),
        InstanceStateException { HasEnded: true } ended => (StatusCodes.Status410Gone, ended.Message, null),
        InstanceStateException conflict => (StatusCodes.Status409Conflict, conflict.Message, null),
        InvalidInstanceIdException invalid => (StatusCodes.Status400BadRequest, invalid.Message, "instanceId"),
        BadHttpRequestException { StatusCode: StatusCodes.Status413PayloadTooLarge } =>
            (StatusCodes.Status413PayloadTooLarge, "The request body is larger than this host accepts.", "body"),
        BadHttpRequestException bad => (bad.StatusCode, bad.Message, null),
        JsonException json => (StatusCodes.Status400BadRequest, $"The request body is not valid JSON: {json.Message}", "body"),
        _ => (StatusCodes.Status500InternalServerError, "The function failed; the host log has the details.", null),
    };
}
