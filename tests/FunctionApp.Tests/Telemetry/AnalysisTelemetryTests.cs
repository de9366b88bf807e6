using System.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using OpenTelemetry.Logs;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;

namespace Fractal.FunctionApp.Tests.Telemetry;

/// <summary>Traces and logs through the app's OpenTelemetry registration, caught by OpenTelemetry's in-memory exporter.</summary>
public sealed class AnalysisTelemetryTests
{
    [Fact]
    public async Task PostAnalytics_Correlation_OneTraceHoldsTheRequestTheOrchestrationAndItsActivities()
    {
        var spans = new List<Activity>();
        var settings = AppHost.OnAzurite(AppHost.NewHubName());
        settings["FRACTAL_ETL_HANDLERS"] = "demo";
        await using var app = await AppHost.StartAsync(
            settings, services: services => services.ConfigureOpenTelemetryTracerProvider(tracing => tracing.AddInMemoryExporter(spans)));
        var session = SessionCalls.NewSession();
        var ids = await LoadDemoAsync(app, session);

        var accepted = await SessionCalls.PostAcceptedAsync(app.Client, session, "/api/analytics", new { task_name = "compute-correlation", args = new { x = ids[0], y = ids[1] } });
        var status = await SessionCalls.WaitForEndAsync(app.Client, accepted.GetProperty("statusQueryGetUri").GetString()!, TimeSpan.FromSeconds(60));
        app.Services.GetRequiredService<TracerProvider>().ForceFlush();

        Assert.Equal("Completed", status.GetProperty("runtimeStatus").GetString());
        Activity[] done;
        lock (spans)
        {
            done = [.. spans];
        }

        var request = Assert.Single(done, s => s.Source.Name == "Microsoft.AspNetCore" && s.DisplayName.StartsWith("POST", StringComparison.Ordinal)
            && Equals(s.GetTagItem("url.path"), "/api/analytics"));
        var trace = done.Where(s => s.TraceId == request.TraceId).Select(s => (s.Source.Name, s.DisplayName)).ToList();
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
        var settings = AppHost.OnAzurite(AppHost.NewHubName());
        settings["FRACTAL_ETL_HANDLERS"] = "demo";
        await using var app = await AppHost.StartAsync(settings, services: services =>
        {
            services.ConfigureOpenTelemetryLoggerProvider(logging => logging.AddInMemoryExporter(logs));
            services.AddLogging(logging => logging.AddFilter<OpenTelemetryLoggerProvider>("Fractal", LogLevel.Debug));
        });
        var session = SessionCalls.NewSession();
        var ids = await LoadDemoAsync(app, session);

        var accepted = await SessionCalls.PostAcceptedAsync(app.Client, session, "/api/analytics", new { task_name = "compute-correlation", args = new { x = ids[0], y = ids[1] } });
        var status = await SessionCalls.WaitForEndAsync(app.Client, accepted.GetProperty("statusQueryGetUri").GetString()!, TimeSpan.FromSeconds(60));
        app.Services.GetRequiredService<LoggerProvider>().ForceFlush();

        Assert.Equal("Completed", status.GetProperty("runtimeStatus").GetString());
        var instanceId = status.GetProperty("instanceId").GetString();
        List<Dictionary<string, object?>> scopes;
        lock (logs)
        {
            scopes = [.. logs.Where(l => l.CategoryName!.EndsWith("FunctionTelemetryMiddleware", StringComparison.Ordinal)).Select(ScopeOf)];
        }

        Assert.Contains(scopes, s => Equals(s.GetValueOrDefault("FunctionName"), "FinishAnalysis") && Equals(s.GetValueOrDefault("InstanceId"), instanceId));
    }

    [Fact]
    public async Task PostAnalytics_Correlation_CountsTheFinishingActivityOnceAsASuccess()
    {
        var metrics = new List<Metric>();
        var settings = AppHost.OnAzurite(AppHost.NewHubName());
        settings["FRACTAL_ETL_HANDLERS"] = "demo";
        await using var app = await AppHost.StartAsync(
            settings, services: services => services.ConfigureOpenTelemetryMeterProvider(meters => meters.AddInMemoryExporter(metrics)));
        var session = SessionCalls.NewSession();
        var ids = await LoadDemoAsync(app, session);

        var accepted = await SessionCalls.PostAcceptedAsync(app.Client, session, "/api/analytics", new { task_name = "compute-correlation", args = new { x = ids[0], y = ids[1] } });
        var status = await SessionCalls.WaitForEndAsync(app.Client, accepted.GetProperty("statusQueryGetUri").GetString()!, TimeSpan.FromSeconds(60));
        app.Services.GetRequiredService<MeterProvider>().ForceFlush();

        Assert.Equal("Completed", status.GetProperty("runtimeStatus").GetString());
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

    private static async Task<List<string>> LoadDemoAsync(AppHost app, string session)
    {
        var accepted = await SessionCalls.PostAcceptedAsync(app.Client, session, "/api/data", new
        {
            handler = "demo",
            server = "demo",
            auth = new { token = "unused" },
            descriptors = new object[] { new { field = "age", data_type = "numerical" }, new { field = "bmi", data_type = "numerical" } },
            options = new { seed = 11 },
        });
        await SessionCalls.WaitForEndAsync(app.Client, accepted.GetProperty("statusQueryGetUri").GetString()!, TimeSpan.FromSeconds(60));
        return [.. accepted.GetProperty("data_ids").EnumerateArray().Select(e => e.GetString()!)];
    }
}
