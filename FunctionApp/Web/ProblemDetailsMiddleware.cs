using System.Collections.Concurrent;
using System.Reflection;
using System.Text.Json;
using Microsoft.Azure.Functions.Worker.Middleware;

namespace Fractal.FunctionApp.Web;

/// <summary>
/// Worker middleware that turns what an HTTP function throws into an error answer: RFC 7807 problem details, or the
/// shape the function's (or its class') <see cref="HttpErrorShapeAttribute"/> gives, so that no input makes the app
/// answer an unexplained 500. Invocations without an HTTP request (orchestrators, activities) pass through untouched.
/// </summary>
internal sealed class ProblemDetailsMiddleware : IFunctionsWorkerMiddleware
{
    private static readonly ConcurrentDictionary<string, HttpErrorShapeAttribute?> s_shapes = new(StringComparer.Ordinal);
    private readonly ILogger<ProblemDetailsMiddleware> _logger;

    public ProblemDetailsMiddleware(ILogger<ProblemDetailsMiddleware> logger)
    {
        _logger = logger;
    }

    public async Task Invoke(FunctionContext context, FunctionExecutionDelegate next)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(next);
        var http = context.GetHttpContext();
        if (http is null)
        {
            await next(context);
            return;
        }

        try
        {
            await next(context);
        }
        catch (Exception ex) when (ex is OperationCanceledException && http.RequestAborted.IsCancellationRequested)
        {
            // The caller went away; there is nobody to answer.
        }
        catch (Exception ex) when (!http.Response.HasStarted)
        {
            var (status, detail, field) = Describe(ex);
            if (status >= 500)
            {
                _logger.LogError(ex, "Function {Function} failed on {Method} {Path}", context.FunctionDefinition.Name, http.Request.Method, http.Request.Path);
            }

            // Keep what CORS granted, so that a cross-origin caller can read the error; drop what the function set.
            var cors = http.Response.Headers.Where(h => h.Key.StartsWith("Access-Control-", StringComparison.OrdinalIgnoreCase)).ToList();
            http.Response.Clear();
            foreach (var (name, value) in cors)
            {
                http.Response.Headers[name] = value;
            }

            await Problems.WriteErrorAsync(http, ShapeOf(context.FunctionDefinition), status, detail, field);
        }
    }

    /// <summary>The error shape of the function's method, else of its class; null for problem details.</summary>
    internal static HttpErrorShapeAttribute? ShapeOf(FunctionDefinition function) =>
        s_shapes.GetOrAdd(function.EntryPoint, static entryPoint =>
        {
            var dot = entryPoint.LastIndexOf('.');
            var type = dot > 0 ? typeof(ProblemDetailsMiddleware).Assembly.GetType(entryPoint[..dot]) : null;
            if (type is null)
            {
                return null;
            }

            var methods = type.GetMethods(BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance | BindingFlags.Static)
                .Where(m => m.Name == entryPoint[(dot + 1)..]);
            return methods.Select(m => m.GetCustomAttribute<HttpErrorShapeAttribute>(inherit: true)).FirstOrDefault(a => a is not null)
                ?? type.GetCustomAttribute<HttpErrorShapeAttribute>(inherit: true);
        });

    private static (int Status, string Detail, string? Field) Describe(Exception ex) => ex switch
    {
        HttpProblemException problem => (problem.StatusCode, problem.Message, problem.Field),
        BadHttpRequestException { StatusCode: StatusCodes.Status413PayloadTooLarge } =>
            (StatusCodes.Status413PayloadTooLarge, "The request body is larger than this host accepts.", "body"),
        BadHttpRequestException bad => (bad.StatusCode, bad.Message, null),
        JsonException json => (StatusCodes.Status400BadRequest, $"The request body is not valid JSON: {json.Message}", "body"),
        _ => (StatusCodes.Status500InternalServerError, "The function failed; the host log has the details.", null),
    };
}
