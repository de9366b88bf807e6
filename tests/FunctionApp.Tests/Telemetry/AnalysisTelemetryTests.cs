using System.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using OpenTelemetry.Logs;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;

namespace Fractal.FunctionApp.Tests.Telemetry;

/// <summary>
/// Traces, logs and metrics of one correlation analysis through the app's OpenTelemetry registration, caught by
/// OpenTelemetry's in-memory exporters. They run alone: a meter provider listens to the app's meter by name in the whole
/// process, so another test host's analyses, running in parallel, would add to the counts.
/// </summary>
[Collection(RunsAlone.Name)]
public sealed class AnalysisTelemetryTests
{
    [Fact]
    public async Task PostAnalytics_Correlation_OneTraceHoldsTheRequestTheOrchestrationAndItsActivities()
    {
        var spans = new List<Activity>();

        await RunCorrelationAsync(
            services => services.ConfigureOpenTelemetryTracerProvider(tracing => tracing.AddInMemoryExporter(spans)),
            provider => provider.GetRequiredService<TracerProvider>().ForceFlush());

        var request = Assert.Single(spans, s => s.Source.Name == "Microsoft.AspNetCore" && s.DisplayName.StartsWith("POST", StringComparison.Ordinal)
            && Equals(s.GetTagItem("url.path"), "/api/analytics"));
        var trace = spans.Where(s => s.TraceId == request.TraceId).Select(s => (s.Source.Name, s.DisplayName)).ToList();
        Assert.Contains(("DurableTask.Core", "orchestration:AnalysisOrchestrator"), trace);
        Assert.Contains(("DurableTask.Core", "activity:PlanAnalysisGroups"), trace);
        Assert.Contains(("DurableTask.Core", "activity:ComputeAnalysisGroup"), trace);
        Assert.Contains(("DurableTask.Core", "activity:FinishAnalysis"), trace);
        Assert.Contains(("Fractal.FunctionApp", "FinishAnalysis"), trace);
    }

    [Fact]
    public async Task PostAnalytics_Correlation_ActivityLogsCarryTheInstanceIdAndFunctionName()
    {
        var logs = new List<LogRecord>();

        var instanceId = await RunCorrelationAsync(
            services =>
            {
                services.ConfigureOpenTelemetryLoggerProvider(logging => logging.AddInMemoryExporter(logs));
                services.AddLogging(logging => logging.AddFilter<OpenTelemetryLoggerProvider>("Fractal", LogLevel.Debug));
            },
            provider => provider.GetRequiredService<LoggerProvider>().ForceFlush());

        var scopes = logs.Where(l => l.CategoryName!.EndsWith("FunctionTelemetryMiddleware", StringComparison.Ordinal)).Select(ScopeOf).ToList();
        Assert.Contains(scopes, s => Equals(s.GetValueOrDefault("FunctionName"), "FinishAnalysis") && Equals(s.GetValueOrDefault("InstanceId"), instanceId));
    }

    [Fact]
    public async Task PostAnalytics_Correlation_CountsTheFinishingActivityOnceAsASuccess()
    {
        var metrics = new List<Metric>();

        await RunCorrelationAsync(
            services => services.ConfigureOpenTelemetryMeterProvider(meters => meters.AddInMemoryExporter(metrics)),
            provider => provider.GetRequiredService<MeterProvider>().ForceFlush());

        var counted = new Dictionary<string, long>(StringComparer.Ordinal);
        foreach (var metric in metrics.Where(m => m.Name == "fractal.function.invocations"))
        {
            foreach (ref readonly var point in metric.GetMetricPoints())
            {
                var tags = new Dictionary<string, object?>(StringComparer.Ordinal);
                foreach (var tag in point.Tags)
                {
                    tags[tag.Key] = tag.Value;
                }

                var key = $"{tags["faas.name"]}/{tags["faas.trigger"]}/{tags["outcome"]}";
                counted[key] = Math.Max(counted.GetValueOrDefault(key), point.GetSumLong());
            }
        }

        Assert.Equal(1, counted.GetValueOrDefault("FinishAnalysis/activity/success"));
        Assert.Equal(0, counted.GetValueOrDefault("FinishAnalysis/activity/failure"));
    }

    /// <summary>
    /// Loads two demo variables, runs a correlation between them to completion with <paramref name="telemetry"/>
    /// registered after the app's own, flushes, and returns the analysis' instance ID.
    /// </summary>
    private static async Task<string> RunCorrelationAsync(Action<IServiceCollection> telemetry, Action<IServiceProvider> flush)
    {
        var settings = AppHost.OnAzurite(AppHost.NewHubName());
        settings["FRACTAL_ETL_HANDLERS"] = "demo";
        await using var app = await AppHost.StartAsync(settings, services: telemetry);
        var session = SessionCalls.NewSession();
        var loaded = await SessionCalls.PostAcceptedAsync(app.Client, session, "/api/data", new
        {
            handler = "demo",
            server = "demo",
            auth = new { token = "unused" },
            descriptors = new object[] { new { field = "age", data_type = "numerical" }, new { field = "bmi", data_type = "numerical" } },
            options = new { seed = 11 },
        });
        await SessionCalls.WaitForEndAsync(app.Client, loaded.GetProperty("statusQueryGetUri").GetString()!, TimeSpan.FromSeconds(60));
        var ids = loaded.GetProperty("data_ids").EnumerateArray().Select(e => e.GetString()!).ToList();

        var accepted = await SessionCalls.PostAcceptedAsync(app.Client, session, "/api/analytics", new { task_name = "compute-correlation", args = new { x = ids[0], y = ids[1] } });
        var status = await SessionCalls.WaitForEndAsync(app.Client, accepted.GetProperty("statusQueryGetUri").GetString()!, TimeSpan.FromSeconds(60));
        flush(app.Services);

        Assert.Equal("Completed", status.GetProperty("runtimeStatus").GetString());
        return status.GetProperty("instanceId").GetString()!;
    }

    private static Dictionary<string, object?> ScopeOf(LogRecord record)
    {
        var scope = new Dictionary<string, object?>(StringComparer.Ordinal);
        record.ForEachScope((item, state) =>
        {
            foreach (var (key, value) in item)
            {
                state[key] = value;
            }
        }, scope);
        return scope;
    }
}
