namespace Fractal.FunctionApp.Fractalis;

/// <summary>
/// Where the Fractalis API is served: from the site root, as Fractalis serves it, below the optional
/// base path in the app setting <c>FRACTALIS_BASE_PATH</c> (e.g. <c>fractalis</c>), outside the <c>/api</c> prefix.
/// </summary>
public static class FractalisRoutes
{
    public const string BasePathSetting = "FRACTALIS_BASE_PATH";

    /// <summary>The route template every Fractalis function starts with.</summary>
    public const string Base = "~/%" + BasePathSetting + "%/";
}
