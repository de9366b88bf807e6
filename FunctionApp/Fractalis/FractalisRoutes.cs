namespace Fractal.FunctionApp.Fractalis;

/// <summary>
/// Where the Fractalis API is served: below <c>fractalis/</c> under the host's route prefix (<c>/api/fractalis/data</c>,
/// <c>/api/fractalis/analytics</c>, <c>/api/fractalis/misc/version</c>), apart from the native <c>/api/data</c> and
/// <c>/api/analytics</c>; Fractal.js' <c>fractalisNode</c> points at <c>https://host/api/fractalis</c>.
/// </summary>
public static class FractalisRoutes
{
    /// <summary>The route template every Fractalis function starts with.</summary>
    public const string Base = "fractalis/";
}
