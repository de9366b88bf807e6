using System.Text.Json;

namespace Fractal.FunctionApp.Web;

/// <summary>Reads JSON request bodies, turning malformed ones into 400 problem details.</summary>
public static class HttpRequestJsonExtensions
{
    /// <summary>
    /// Deserializes the body as <typeparamref name="T"/>. A missing, empty or malformed body, a string or
    /// property name that is not valid Unicode (invalid UTF-8, an unpaired surrogate), or a value of the
    /// wrong type is a 400 naming the field at fault. The whole document is checked before anything of it
    /// is used, so a <see cref="JsonElement"/> or <see cref="JsonDocument"/> result holds no string that
    /// would fail when read.
    /// </summary>
    public static async Task<T> ReadJsonBodyAsync<T>(this HttpRequest request, JsonSerializerOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);

        if (request.ContentLength == 0)
        {
            throw HttpProblemException.BadRequest("body", "The request body is empty; a JSON document is required.");
        }

        options ??= JsonSerializerOptions.Web;
        using var document = await ParseAsync(request.Body, options, cancellationToken);
        RejectInvalidText(document.RootElement, "$");
        try
        {
            var value = document.Deserialize<T>(options);
            return value is null || (value is JsonElement { ValueKind: JsonValueKind.Null })
                ? throw HttpProblemException.BadRequest("body", "The request body is JSON null; a JSON document is required.")
                : value is JsonElement element ? (T)(object)element.Clone() : value;
        }
        catch (JsonException ex)
        {
            throw HttpProblemException.BadRequest(FieldOf(ex.Path), $"The request body does not fit what this route takes: {DescribeJsonError(ex)}");
        }
    }

    private static async Task<JsonDocument> ParseAsync(Stream body, JsonSerializerOptions options, CancellationToken cancellationToken)
    {
        var documentOptions = new JsonDocumentOptions
        {
            AllowTrailingCommas = options.AllowTrailingCommas,
            CommentHandling = options.ReadCommentHandling,
            MaxDepth = options.MaxDepth,
        };
        try
        {
            return await JsonDocument.ParseAsync(body, documentOptions, cancellationToken);
        }
        catch (JsonException ex)
        {
            throw HttpProblemException.BadRequest("body", $"The request body is not valid JSON: {DescribeJsonError(ex)}");
        }
    }

    /// <summary>
    /// Reads every property name and string once: the parser keeps their bytes as sent, and a string that
    /// is not valid UTF-8 or holds an unpaired surrogate (<c>\ud800</c>) only fails when read.
    /// </summary>
    private static void RejectInvalidText(JsonElement element, string path)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.String:
                ReadOrReject(() => element.GetString(), path);
                break;
            case JsonValueKind.Array:
                var index = 0;
                foreach (var item in element.EnumerateArray())
                {
                    RejectInvalidText(item, $"{path}[{index++}]");
                }

                break;
            case JsonValueKind.Object:
                foreach (var property in element.EnumerateObject())
                {
                    var name = ReadOrReject(() => property.Name, $"{path}.<a property name>");
                    RejectInvalidText(property.Value, $"{path}.{name}");
                }

                break;
        }
    }

    private static string? ReadOrReject(Func<string?> read, string path)
    {
        try
        {
            return read();
        }
        catch (InvalidOperationException)
        {
            throw HttpProblemException.BadRequest(FieldOf(path), "The text is not valid Unicode: it holds bytes that are not UTF-8 or an unpaired surrogate.");
        }
    }

    /// <summary>The field as the request names it: <c>args.x</c> for <c>$.args.x</c>, <c>body</c> for the whole body.</summary>
    private static string FieldOf(string? path) =>
        string.IsNullOrEmpty(path) || path == "$" ? "body" : path.StartsWith("$.", StringComparison.Ordinal) ? path[2..] : path.TrimStart('$');

    private static string DescribeJsonError(JsonException ex)
    {
        // JsonException's message names the position; keep the first sentence, which says what is wrong.
        var message = ex.Message;
        var cut = message.IndexOf(" Path:", StringComparison.Ordinal);
        var what = cut > 0 ? message[..cut] : message;
        return ex.LineNumber is { } line ? $"{what} (line {line + 1}, byte {ex.BytePositionInLine + 1})" : what;
    }
}
