namespace Fractal.LocalHost.Http;

/// <summary>A request the host refuses with a 4xx problem naming <see cref="Field"/>.</summary>
internal sealed class HttpProblemException : Exception
{
    public HttpProblemException()
    {
    }

    public HttpProblemException(string message)
        : base(message)
    {
    }

    public HttpProblemException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public HttpProblemException(int statusCode, string message, string? field = null, Exception? innerException = null)
        : base(message, innerException)
    {
        StatusCode = statusCode;
        Field = field;
    }

    public int StatusCode { get; } = 400;

    public string? Field { get; }

    public static HttpProblemException BadRequest(string field, string message) => new(400, message, field);
}
