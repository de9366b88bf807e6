namespace Fractal.FunctionApp.Fractalis;

/// <summary>Fractalis' error answers: <c>{"error": ...}</c> from its data routes, <c>{"error_msg": ...}</c> from its analytics routes.</summary>
internal static class FractalisErrors
{
    public static IResult Data(int statusCode, string message) =>
        Results.Json(new Dictionary<string, string> { ["error"] = message }, statusCode: statusCode);

    public static IResult Analytics(int statusCode, string message) =>
        Results.Json(new Dictionary<string, string> { ["error_msg"] = message }, statusCode: statusCode);
}
