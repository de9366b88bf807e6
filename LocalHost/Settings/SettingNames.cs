namespace Fractal.LocalHost.Settings;

/// <summary>The names of the settings the local host reads, as the Functions host and Core Tools spell them.</summary>
public static class SettingNames
{
    /// <summary>The configuration section that holds <c>host.json</c>, as in the Functions host.</summary>
    public const string HostJsonSection = "AzureFunctionsJobHost";

    /// <summary><c>host.json</c>'s route prefix of HTTP-triggered functions.</summary>
    public const string RoutePrefix = HostJsonSection + ":extensions:http:routePrefix";

    /// <summary><c>host.json</c>'s task hub name.</summary>
    public const string HubName = HostJsonSection + ":extensions:durableTask:hubName";

    /// <summary>The largest request body the host accepts, in bytes.</summary>
    public const string RequestBodySizeLimit = "FUNCTIONS_REQUEST_BODY_SIZE_LIMIT";

    /// <summary>The default function key (today's single host key).</summary>
    public const string FunctionKey = "FRACTAL_HOST_KEY";

    /// <summary>The master (admin) key; generated at start when absent.</summary>
    public const string MasterKey = "FRACTAL_MASTER_KEY";

    /// <summary>The <c>durabletask_extension</c> system key; generated at start when absent.</summary>
    public const string DurableTaskExtensionKey = "FRACTAL_DURABLETASK_EXTENSION_KEY";

    /// <summary>A folder where generated keys are kept between runs, as the Functions host's file secrets store does.</summary>
    public const string SecretsPath = "AzureWebJobsSecretStoragePath";

    /// <summary><c>local.settings.json</c>'s <c>Host.CORS</c>: allowed origins, comma-separated.</summary>
    public const string Cors = "Host:CORS";

    /// <summary><c>local.settings.json</c>'s <c>Host.CORSCredentials</c>.</summary>
    public const string CorsCredentials = "Host:CORSCredentials";

    /// <summary>The addresses Kestrel listens on.</summary>
    public const string Urls = "ASPNETCORE_URLS";
}
