namespace Fractal.LocalHost.Settings;

/// <summary>The platform's CORS: <c>local.settings.json</c>'s <c>Host.CORS</c> and <c>Host.CORSCredentials</c>.</summary>
public sealed class HostCorsOptions
{
    /// <summary>The allowed origins; <c>*</c> allows any; empty turns CORS off.</summary>
    public IReadOnlyList<string> AllowedOrigins { get; init; } = [];

    /// <summary>Whether credentialed requests (cookies) are allowed.</summary>
    public bool SupportCredentials { get; init; }

    /// <summary>Whether any origin is allowed.</summary>
    public bool AllowsAnyOrigin => AllowedOrigins.Contains("*");

    /// <summary>Reads and validates the options; a bad value throws <see cref="HostSettingException"/> naming it.</summary>
    public static HostCorsOptions FromConfiguration(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);

        var origins = (configuration[SettingNames.Cors] ?? string.Empty)
            .Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(o => o.TrimEnd('/'))
            .Distinct(StringComparer.OrdinalIgnoreCase)
            .ToList();
        foreach (var origin in origins.Where(o => o != "*"))
        {
            if (!Uri.TryCreate(origin, UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https") || uri.PathAndQuery != "/")
            {
                throw new HostSettingException("Host.CORS", $"'{origin}' is not an origin such as https://example.org.");
            }
        }

        var credentialsText = configuration[SettingNames.CorsCredentials];
        var credentials = false;
        if (!string.IsNullOrWhiteSpace(credentialsText) && !bool.TryParse(credentialsText, out credentials))
        {
            throw new HostSettingException("Host.CORSCredentials", $"'{credentialsText}' is not true or false.");
        }

        if (credentials && origins.Contains("*"))
        {
            throw new HostSettingException("Host.CORSCredentials", "credentials cannot be allowed for every origin ('*' in Host.CORS): list the origins.");
        }

        return new HostCorsOptions { AllowedOrigins = origins, SupportCredentials = credentials };
    }
}
