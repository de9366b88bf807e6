using System.Text.Json;
using System.Text.Json.Serialization;
using Fractal.Domain.Data;

namespace Fractal.Etl.Handlers;

/// <summary>The body of <c>POST /api/data</c>: which handler, which source, which variables.</summary>
public sealed record EtlRequest
{
    [JsonPropertyName("handler")]
    public string? Handler { get; init; }

    /// <summary>The source: a URL for csv, json, elasticsearch and portal; unused by demo and postgres.</summary>
    [JsonPropertyName("server")]
    public string? Server { get; init; }

    [JsonPropertyName("auth")]
    public EtlAuth? Auth { get; init; }

    [JsonPropertyName("descriptors")]
    public IReadOnlyList<Descriptor>? Descriptors { get; init; }

    /// <summary>Handler options as sent (a JSON object or absent).</summary>
    [JsonPropertyName("options")]
    public JsonElement? Options { get; init; }

    /// <summary>The part of this request that plans and partitions may carry: no token.</summary>
    public EtlSource ToSource() => new(Handler ?? string.Empty, Server, Options);
}
