using Microsoft.AspNetCore.Cors.Infrastructure;

namespace Fractal.FunctionApp.Fractalis;

/// <summary>
/// Cross-origin calls to the Fractalis API, with credentials (its session is a cookie), from the
/// origins listed in the app setting <c>FRACTALIS_CORS_ORIGINS</c> (separated by commas or spaces);
/// other origins get no CORS headers, so browsers refuse their calls.
/// </summary>
public static class FractalisCors
{
    public const string PolicyName = "fractalis";
    public const string OriginsSetting = "FRACTALIS_CORS_ORIGINS";

    public static void AddPolicy(CorsOptions cors, string? origins)
    {
        ArgumentNullException.ThrowIfNull(cors);
        var allowed = (origins ?? string.Empty).Split([',', ' ', ';'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(origin => origin.TrimEnd('/'))
            .ToArray();
        cors.AddPolicy(PolicyName, policy => policy
            .WithOrigins(allowed)
            .AllowCredentials()
            .WithMethods("GET", "POST", "DELETE")
            .AllowAnyHeader());
    }
}
