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
}
