namespace Fractal.FunctionApp.Web;

/// <summary>
/// Thrown by a function to answer with RFC 7807 problem details, such as a 400 that names the bad field.
/// </summary>
public sealed class HttpProblemException : Exception
{
    /// <summary>Creates a problem with an HTTP status and a human-readable detail.</summary>
    /// <param name="statusCode">The HTTP status code to answer with.</param>
    /// <param name="detail">What went wrong, for the caller.</param>
    /// <param name="field">The request field at fault, if one is.</param>
    public HttpProblemException(int statusCode, string detail, string? field = null)
        : base(detail)
    {
        StatusCode = statusCode;
        Field = field;
    }

    /// <summary>The HTTP status code to answer with.</summary>
    public int StatusCode { get; }

    /// <summary>The request field at fault, reported as the problem's <c>field</c> extension.</summary>
    public string? Field { get; }

    /// <summary>A 400 Bad Request naming <paramref name="field"/>.</summary>
    public static HttpProblemException BadRequest(string field, string detail) => new(400, detail, field);

    /// <summary>A 404 Not Found.</summary>
    public static HttpProblemException NotFound(string detail) => new(404, detail);
}
