using Azure.Monitor.OpenTelemetry.Exporter;
using Microsoft.Azure.Functions.Worker.OpenTelemetry;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using OpenTelemetry;
using OpenTelemetry.Logs;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;

namespace Fractal.FunctionApp.Telemetry;

/// <summary>
/// Registers OpenTelemetry for the app: traces from the app's invocation spans, the Functions worker, ASP.NET Core and
/// the Durable Task engine (DTFx's <c>DurableTask.Core</c> in the local host, durabletask-dotnet's
/// <c>Microsoft.DurableTask</c>), so that a request, the orchestration it starts and that orchestration's activities
/// share one trace; the app's meters; logs with their scopes (function name, instance ID). Exporters follow
/// <see cref="TelemetryExport"/>.
/// </summary>
public static class FractalTelemetryRegistration
{
    /// <summary>The activity sources traced besides ASP.NET Core's requests.</summary>
    public static IReadOnlyList<string> Sources { get; } = [FractalTelemetry.SourceName, "DurableTask.Core", "Microsoft.DurableTask"];

    /// <summary>Registers the telemetry and its invocation middleware on <paramref name="builder"/>.</summary>
    public static IFunctionsWorkerApplicationBuilder Add(IFunctionsWorkerApplicationBuilder builder, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(configuration);
        var services = builder.Services;
        if (services.Any(d => d.ServiceType == typeof(FractalTelemetry)))
        {
            return builder;
        }

        var export = TelemetryExport.From(configuration);
        var credential = export.ToAzureMonitor ? export.CreateApplicationInsightsCredential() : null;
        void AzureMonitor(AzureMonitorExporterOptions options) => options.ConnectionString = export.ApplicationInsightsConnectionString;

        services.AddMetrics();
        services.TryAddSingleton<FractalTelemetry>();
        services.AddOpenTelemetry()
            .UseFunctionsWorkerDefaults()
            .WithTracing(tracing =>
            {
                tracing.AddSource([.. Sources]).AddAspNetCoreInstrumentation();
                if (export.ToAzureMonitor)
                {
                    tracing.AddAzureMonitorTraceExporter(AzureMonitor, credential);
                }

                if (export.ToOtlp)
                {
                    tracing.AddOtlpExporter();
                }
            })
            .WithMetrics(metrics =>
            {
                metrics.AddMeter(FractalTelemetry.MeterName);
                if (export.ToAzureMonitor)
                {
                    metrics.AddAzureMonitorMetricExporter(AzureMonitor, credential);
                }

                if (export.ToOtlp)
                {
                    metrics.AddOtlpExporter();
                }
            })
            .WithLogging(
                logging =>
                {
                    if (export.ToAzureMonitor)
                    {
                        logging.AddAzureMonitorLogExporter(AzureMonitor, credential);
                    }

                    if (export.ToOtlp)
                    {
                        logging.AddOtlpExporter();
                    }
                },
                options =>
                {
                    options.IncludeScopes = true;
                    options.IncludeFormattedMessage = true;
                });

        builder.UseMiddleware<FunctionTelemetryMiddleware>();
        return builder;
    }
}
