using System.Diagnostics;
using Fractal.FunctionApp.Web;
using Microsoft.Azure.Functions.Worker.Middleware;

namespace Fractal.FunctionApp.Telemetry;

/// <summary>
/// Worker middleware, outermost: a span per invocation under the caller's trace (the current activity, or the trace
/// context the host gave the invocation), a log scope carrying the function name, invocation ID and orchestration
/// instance ID, and the invocation's outcome (success, rejected, cancelled when its cancellation token ended it, failure) in
/// <see cref="FractalTelemetry"/>'s meters; failures are logged as warnings.
/// </summary>
internal sealed class FunctionTelemetryMiddleware : IFunctionsWorkerMiddleware
{
    private readonly FractalTelemetry _telemetry;
    private readonly ILogger<FunctionTelemetryMiddleware> _logger;

    public FunctionTelemetryMiddleware(FractalTelemetry telemetry, ILogger<FunctionTelemetryMiddleware> logger)
    {
        _telemetry = telemetry;
        _logger = logger;
    }

    public async Task Invoke(FunctionContext context, FunctionExecutionDelegate next)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(next);
        var function = context.FunctionDefinition.Name;
        var trigger = TriggerOf(context);
        var instanceId = InstanceIdOf(context);
        var parent = Activity.Current is null
            && ActivityContext.TryParse(context.TraceContext?.TraceParent, context.TraceContext?.TraceState, out var remote)
            ? remote
            : default;

        using var activity = FractalTelemetry.Source.StartActivity(function, trigger == "http" ? ActivityKind.Server : ActivityKind.Internal, parent);
        activity?.SetTag("faas.name", function);
        activity?.SetTag("faas.invocation_id", context.InvocationId);
        activity?.SetTag("faas.trigger", trigger);
        activity?.SetTag("durable.instance_id", instanceId);
        using var scope = _logger.BeginScope(new Dictionary<string, object?>
        {
            ["FunctionName"] = function,
            ["InvocationId"] = context.InvocationId,
            ["InstanceId"] = instanceId,
        });

        var started = Stopwatch.GetTimestamp();
        var outcome = "failure";
        string? error = null;
        try
        {
            await next(context);
            var status = context.GetHttpContext()?.Response.StatusCode ?? 0;
            (outcome, error) = status switch
            {
                >= 500 => ("failure", $"http.{status}"),
                >= 400 => ("rejected", null),
                _ => ("success", null),
            };
        }
        catch (HttpProblemException ex) when (ex.StatusCode < 500)
        {
            outcome = "rejected";
            throw;
        }
        catch (OperationCanceledException) when (context.CancellationToken.IsCancellationRequested)
        {
            // The host is stopping or the caller went away: the work is not done, but nothing failed.
            outcome = "cancelled";
            throw;
        }
        catch (Exception ex)
        {
            error = ex.GetType().Name;
            activity?.AddException(ex);
            throw;
        }
        finally
        {
            var tags = new TagList { { "faas.name", function }, { "faas.trigger", trigger }, { "outcome", outcome } };
            _telemetry.Invocations.Add(1, tags);
            _telemetry.Duration.Record(Stopwatch.GetElapsedTime(started).TotalSeconds, tags);
            if (error is not null)
            {
                _telemetry.Failures.Add(1, new TagList { { "faas.name", function }, { "faas.trigger", trigger }, { "error.type", error } });
                activity?.SetStatus(ActivityStatusCode.Error, error);
                _logger.LogWarning("{Trigger} function {Function} failed: {Error}", trigger, function, error);
            }
            else
            {
                _logger.LogDebug("{Trigger} function {Function} ended: {Outcome}", trigger, function, outcome);
            }
        }
    }

    private static string TriggerOf(FunctionContext context)
    {
        foreach (var binding in context.FunctionDefinition.InputBindings.Values)
        {
            switch (binding.Type)
            {
                case "httpTrigger":
                    return "http";
                case "orchestrationTrigger":
                    return "orchestration";
                case "activityTrigger":
                    return "activity";
                case { } type when type.EndsWith("Trigger", StringComparison.Ordinal):
                    return type[..^"Trigger".Length];
                default:
                    break;
            }
        }

        return "other";
    }

    private static string? InstanceIdOf(FunctionContext context) =>
        context.BindingContext.BindingData.TryGetValue("instanceId", out var value) ? value?.ToString() : null;
}
