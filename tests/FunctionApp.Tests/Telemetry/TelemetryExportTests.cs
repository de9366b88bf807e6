using Fractal.FunctionApp.Telemetry;
using Microsoft.Extensions.Configuration;

namespace Fractal.FunctionApp.Tests.Telemetry;

public sealed class TelemetryExportTests
{
    private const string ConnectionString = "InstrumentationKey=00000000-0000-0000-0000-000000000000;IngestionEndpoint=https://westeurope-5.in.applicationinsights.azure.com/";

    private static TelemetryExport Read(params (string Name, string Value)[] settings) =>
        TelemetryExport.From(new ConfigurationBuilder().AddInMemoryCollection(settings.Select(s => KeyValuePair.Create(s.Name, (string?)s.Value))).Build());

    [Fact]
    public void From_NothingSet_ExportsNowhere()
    {
        var export = Read();

        Assert.False(export.ToAzureMonitor);
        Assert.False(export.ToOtlp);
    }

    [Fact]
    public void From_ApplicationInsightsConnectionString_ExportsToAzureMonitorWithItsKey()
    {
        var export = Read(("APPLICATIONINSIGHTS_CONNECTION_STRING", ConnectionString));

        Assert.True(export.ToAzureMonitor);
        Assert.False(export.ToOtlp);
        Assert.Null(export.CreateApplicationInsightsCredential());
    }

    [Fact]
    public void From_AadAuthenticationString_AuthenticatesAsTheUserAssignedIdentity()
    {
        var export = Read(
            ("APPLICATIONINSIGHTS_CONNECTION_STRING", ConnectionString),
            ("APPLICATIONINSIGHTS_AUTHENTICATION_STRING", "ClientId=1b0c9a52-0d5c-4c1f-9c8e-1d2f3a4b5c6d;Authorization=AAD"));

        Assert.True(export.ApplicationInsightsCredential!.UsesManagedIdentity);
        Assert.Equal("1b0c9a52-0d5c-4c1f-9c8e-1d2f3a4b5c6d", export.ApplicationInsightsCredential.ClientId);
    }

    [Fact]
    public void From_AuthenticationStringWithoutAad_ThrowsNamingTheSetting()
    {
        var error = Assert.Throws<InvalidOperationException>(() => Read(("APPLICATIONINSIGHTS_AUTHENTICATION_STRING", "ClientId=abc")));

        Assert.Contains("APPLICATIONINSIGHTS_AUTHENTICATION_STRING", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void From_OtlpEndpoint_ExportsToOtlp()
    {
        var export = Read(("OTEL_EXPORTER_OTLP_ENDPOINT", "http://127.0.0.1:4317"));

        Assert.True(export.ToOtlp);
        Assert.False(export.ToAzureMonitor);
    }

    [Fact]
    public void From_OtlpEndpointNotAUri_ThrowsNamingTheSetting()
    {
        var error = Assert.Throws<InvalidOperationException>(() => Read(("OTEL_EXPORTER_OTLP_ENDPOINT", "collector:4317/")));

        Assert.Contains("OTEL_EXPORTER_OTLP_ENDPOINT", error.Message, StringComparison.Ordinal);
    }
}
