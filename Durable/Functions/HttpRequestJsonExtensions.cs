using System.Text.Json;
using Microsoft.AspNetCore.Http;

namespace Fractal.Durable.Functions;

/// <summary>Reads JSON request bodies, turning malformed ones into 400 problem details.</summary>
public static class HttpRequestJsonExtensions
{
    /// <summary>Deserializes the body as <typeparamref name="T"/>; a missing, empty or malformed body is a 400.</summary>
    public static async Task<T> ReadJsonBodyAsync<T>(this HttpRequest request, JsonSerializerOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);

        if (request.ContentLength == 0)
        {
            throw HttpProblemException.BadRequest("body", "The request body is empty; a JSON document is required.");
        }

        try
        {
            var value = await JsonSerializer.DeserializeAsync<T>(request.Body, options ?? JsonSerializerOptions.Web, cancellationToken);
            return value ?? throw HttpProblemException.BadRequest("body", "The request body is JSON null; a JSON document is required.");
        }
        catch (JsonException ex)
        {
            throw HttpProblemException.BadRequest(
                string.IsNullOrEmpty(ex.Path) || ex.Path == "$" ? "body" : ex.Path,
                $"The request body is not valid JSON: {DescribeJsonError(ex)}");
        }
    }

    private static string DescribeJsonError(JsonException ex)
    {
        // JsonException's message names the position; keep the first sentence, which says what is wrong.
        var message = ex.Message;
        var cut = message.IndexOf(" Path:", StringComparison.Ordinal);
        var what = cut > 0 ? message[..cut] : message;
        return ex.LineNumber is { } line ? $"{what} (line {line + 1}, byte {ex.BytePositionInLine + 1})" : what;
    }
}
