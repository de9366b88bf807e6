using Azure.Core;
using Fractal.AzureConnections;

namespace Fractal.FunctionApp.Telemetry;

/// <summary>
/// Where the app's traces, metrics and logs go, from its settings: to Azure Monitor when
/// <c>APPLICATIONINSIGHTS_CONNECTION_STRING</c> is set (by managed identity when
/// <c>APPLICATIONINSIGHTS_AUTHENTICATION_STRING</c> says <c>Authorization=AAD</c>), to an OTLP collector when
/// <c>OTEL_EXPORTER_OTLP_ENDPOINT</c> is set, both when both are, and nowhere otherwise.
/// </summary>
/// <param name="ApplicationInsightsConnectionString">The Application Insights connection string; none: no Azure Monitor export.</param>
/// <param name="ApplicationInsightsCredential">The Entra ID credential for Application Insights (local auth off); none: its key.</param>
/// <param name="OtlpEndpoint">The OTLP endpoint; none: no OTLP export.</param>
public sealed record TelemetryExport(string? ApplicationInsightsConnectionString, AzureCredentialSettings? ApplicationInsightsCredential, Uri? OtlpEndpoint)
{
    /// <summary>The Application Insights connection string setting.</summary>
    public const string ApplicationInsightsConnectionStringSetting = "APPLICATIONINSIGHTS_CONNECTION_STRING";

    /// <summary>The Functions host's Application Insights authentication setting (<c>Authorization=AAD;ClientId=…</c>).</summary>
    public const string ApplicationInsightsAuthenticationSetting = "APPLICATIONINSIGHTS_AUTHENTICATION_STRING";

    /// <summary>The OpenTelemetry SDK's OTLP endpoint setting.</summary>
    public const string OtlpEndpointSetting = "OTEL_EXPORTER_OTLP_ENDPOINT";

    /// <summary>Whether telemetry goes to Azure Monitor.</summary>
    public bool ToAzureMonitor => ApplicationInsightsConnectionString is not null;

    /// <summary>Whether telemetry goes to an OTLP collector.</summary>
    public bool ToOtlp => OtlpEndpoint is not null;

    /// <summary>Reads the export settings.</summary>
    /// <exception cref="InvalidOperationException">A setting is unusable (the message names it).</exception>
    public static TelemetryExport From(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var connectionString = Value(configuration, ApplicationInsightsConnectionStringSetting);
        var otlp = Value(configuration, OtlpEndpointSetting);
        Uri? endpoint = null;
        if (otlp is not null && (!Uri.TryCreate(otlp, UriKind.Absolute, out endpoint) || (endpoint.Scheme != Uri.UriSchemeHttp && endpoint.Scheme != Uri.UriSchemeHttps)))
        {
            throw new InvalidOperationException($"The setting '{OtlpEndpointSetting}' must be an absolute http(s) URI, such as http://127.0.0.1:4317.");
        }

        return new TelemetryExport(connectionString, ReadAuthentication(Value(configuration, ApplicationInsightsAuthenticationSetting)), endpoint);
    }

    /// <summary>The credential Azure Monitor's exporter authenticates with; none: the connection string's key.</summary>
    public TokenCredential? CreateApplicationInsightsCredential() =>
        ApplicationInsightsCredential is { } settings ? AzureCredentialFactory.Create(settings) : null;

    private static AzureCredentialSettings? ReadAuthentication(string? value)
    {
        if (value is null)
        {
            return null;
        }

        var parts = value.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(part => part.Split('=', 2, StringSplitOptions.TrimEntries))
            .Where(pair => pair.Length == 2)
            .ToDictionary(pair => pair[0], pair => pair[1], StringComparer.OrdinalIgnoreCase);
        if (!parts.TryGetValue("Authorization", out var authorization) || !authorization.Equals("AAD", StringComparison.OrdinalIgnoreCase))
        {
            throw new InvalidOperationException($"The setting '{ApplicationInsightsAuthenticationSetting}' must read Authorization=AAD (with ClientId=… for a user-assigned identity).");
        }

        return new AzureCredentialSettings(AzureCredentialSettings.ManagedIdentity, parts.GetValueOrDefault("ClientId"), TenantId: null, ClientSecret: null);
    }

    private static string? Value(IConfiguration configuration, string name) =>
        string.IsNullOrWhiteSpace(configuration[name]) ? null : configuration[name]!.Trim();
}
