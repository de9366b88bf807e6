using System.Text.Json;
using System.Text.Json.Serialization;

namespace Fractal.Etl.Handlers;

/// <summary>Where a dataset comes from, without secrets: the handler, the server and the options.</summary>
public sealed record EtlSource(
    [property: JsonPropertyName("handler")] string Handler,
    [property: JsonPropertyName("server")] string? Server,
    [property: JsonPropertyName("options")] JsonElement? Options)
{
    /// <summary>Typed access to <see cref="Options"/>.</summary>
    [JsonIgnore]
    public EtlOptions OptionValues => new(Options);

    /// <summary>
    /// The inline text of <c>options.data</c>, if the source has one, and the source that reads the same text from the
    /// upload <paramref name="uploadId"/> instead, so that a caller can store the text once and pass only its name on.
    /// </summary>
    public (EtlSource Source, string? InlineText) MoveInlineTextToUpload(string uploadId)
    {
        ArgumentException.ThrowIfNullOrEmpty(uploadId);
        if (OptionValues.GetString(TextSource.DataOption) is not { } text)
        {
            return (this, null);
        }

        var options = JsonSerializer.SerializeToNode(Options)!.AsObject();
        options.Remove(TextSource.DataOption);
        options[TextSource.UploadOption] = uploadId;
        return (this with { Options = JsonSerializer.SerializeToElement(options) }, text);
    }
}
