using System.Reflection;
using System.Runtime.InteropServices;

namespace Fractal.FunctionApp.Web;

/// <summary><c>GET /api/version</c>: the app's build and runtime; needs the function key.</summary>
public static class VersionFunction
{
    [Function("Version")]
    public static IResult Run([HttpTrigger(AuthorizationLevel.Function, "get", Route = "version")] HttpRequest request)
    {
        var assembly = typeof(VersionFunction).Assembly;
        var version = assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion
            ?? assembly.GetName().Version?.ToString()
            ?? "unknown";
        return Results.Ok(new { name = "Fractal", version, runtime = RuntimeInformation.FrameworkDescription });
    }
}
