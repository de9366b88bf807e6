
namespace Fractal.FunctionApp.Web;

/// <summary>Builds RFC 7807 problem-details responses.</summary>
internal static class Problems
{
    /// <summary>A problem-details result with <paramref name="statusCode"/>, naming <paramref name="field"/> when given.</summary>
    public static IResult Result(int statusCode, string detail, string? field = null)
    {
        var extensions = field is null ? null : new Dictionary<string, object?> { ["field"] = field };
        return Results.Problem(detail: detail, statusCode: statusCode, extensions: extensions);
    }

    /// <summary>Writes a problem-details response.</summary>
    public static Task WriteAsync(HttpContext context, int statusCode, string detail, string? field = null)
    {
        ArgumentNullException.ThrowIfNull(context);
        return Result(statusCode, detail, field).ExecuteAsync(context);
    }

    /// <summary>
    /// Writes an error in the shape the function's contract promises: its <paramref name="shape"/> if it has one,
    /// else problem details.
    /// </summary>
    internal static Task WriteErrorAsync(HttpContext context, HttpErrorShapeAttribute? shape, int statusCode, string detail, string? field = null)
    {
        ArgumentNullException.ThrowIfNull(context);
        return (shape?.Create(statusCode, detail, field) ?? Result(statusCode, detail, field)).ExecuteAsync(context);
    }
}
