using System.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using OpenTelemetry.Trace;

namespace Fractal.FunctionApp.Tests.Telemetry;

/// <summary>Traces through the app's OpenTelemetry registration, caught by OpenTelemetry's in-memory exporter.</summary>
public sealed class AnalysisTraceTests
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
