namespace Fractal.FunctionApp.Tests.Robustness;

/// <summary>The shape of a route's error answers.</summary>
internal enum ErrorContract
{
    /// <summary>RFC 7807 problem details, with a <c>field</c> on a 400: the native API and the management API.</summary>
    ProblemDetails,

    /// <summary>Fractalis' data and version routes: <c>{"error": "..."}</c>.</summary>
    FractalisData,

    /// <summary>Fractalis' analytics routes: <c>{"error_msg": "..."}</c>.</summary>
    FractalisAnalytics,
}
