namespace Fractal.LocalHost.Http;

/// <summary>RFC 7807 problem details for the errors the host itself answers.</summary>
internal static class HostProblems
{
    public static IResult Result(int statusCode, string detail, string? field = null)
    {
        var extensions = field is null ? null : new Dictionary<string, object?> { ["field"] = field };
        return Results.Problem(detail: detail, statusCode: statusCode, extensions: extensions);
    }

    public static Task WriteAsync(HttpContext context, int statusCode, string detail, string? field = null) =>
        Result(statusCode, detail, field).ExecuteAsync(context);

    public static Task UnauthorizedAsync(HttpContext context, string who) =>
        WriteAsync(context, StatusCodes.Status401Unauthorized,
            $"{who} needs a key in the '{KeyAuthorization.HeaderName}' header or the '{KeyAuthorization.QueryName}' query parameter.");
}
