using System.Text.Json;
using Fractal.LocalHost.Settings;

namespace Fractal.LocalHost.Http;

/// <summary>
/// The outermost request step: refuses bodies over the limit (413) and turns what escapes a request into
/// problem details, so that malformed input is a 4xx and nothing escapes as an unexplained 500; a request cut short by
/// the host's stop is a 503 for the caller to retry elsewhere or later, not an error.
/// </summary>
internal sealed class HostErrorMiddleware
{
    private readonly RequestDelegate _next;
    private readonly HttpHostOptions _options;
    private readonly ILogger<HostErrorMiddleware> _logger;
    private readonly CancellationToken _stopping;

    public HostErrorMiddleware(RequestDelegate next, HttpHostOptions options, ILogger<HostErrorMiddleware> logger, IHostApplicationLifetime lifetime)
    {
        ArgumentNullException.ThrowIfNull(lifetime);
        _next = next;
        _options = options;
        _logger = logger;
        _stopping = lifetime.ApplicationStopping;
    }

    public async Task InvokeAsync(HttpContext context)
    {
        if (context.Request.ContentLength > _options.MaxRequestBodySize)
        {
            await HostProblems.WriteAsync(context, StatusCodes.Status413PayloadTooLarge,
                $"The request body is {context.Request.ContentLength} bytes; this host accepts at most {_options.MaxRequestBodySize} ({SettingNames.RequestBodySizeLimit}).", "body");
            return;
        }

        var bodySize = context.Features.Get<Microsoft.AspNetCore.Http.Features.IHttpMaxRequestBodySizeFeature>();
        if (bodySize is { IsReadOnly: false })
        {
            bodySize.MaxRequestBodySize = _options.MaxRequestBodySize;
        }

        try
        {
            await _next(context);
        }
        catch (OperationCanceledException) when (context.RequestAborted.IsCancellationRequested)
        {
            // The caller went away: nobody is left to answer.
        }
        catch (OperationCanceledException) when (_stopping.IsCancellationRequested && !context.Response.HasStarted)
        {
            context.Response.Clear();
            await HostProblems.WriteAsync(context, StatusCodes.Status503ServiceUnavailable, "The host is stopping; send the request again.");
        }
        catch (Exception ex) when (!context.Response.HasStarted)
        {
            var (status, detail, field) = Describe(ex);
            if (status >= 500)
            {
                _logger.LogError(ex, "{Method} {Path} failed", context.Request.Method, context.Request.Path);
            }

            context.Response.Clear();
            await HostProblems.WriteAsync(context, status, detail, field);
        }
    }

    private static (int Status, string Detail, string? Field) Describe(Exception ex) => ex switch
    {
        HttpProblemException problem => (problem.StatusCode, problem.Message, problem.Field),
        Functions.FunctionBindingException binding => (StatusCodes.Status400BadRequest, binding.Message, binding.ParameterName),
        BadHttpRequestException { StatusCode: StatusCodes.Status413PayloadTooLarge } =>
            (StatusCodes.Status413PayloadTooLarge, "The request body is larger than this host accepts.", "body"),
        BadHttpRequestException bad => (bad.StatusCode, bad.Message, null),
        JsonException json => (StatusCodes.Status400BadRequest, $"The request body is not valid JSON: {json.Message}", "body"),
        _ => (StatusCodes.Status500InternalServerError, "The function failed; the host log has the details.", null),
    };
}
