using System.Text.Json;
using System.Text.Json.Serialization;

namespace Fractal.FunctionApp.Tasks.Models.IngestAndAggregate;

/// <summary>The parameters of <c>ingest-and-aggregate</c>: <c>log-ingest</c>'s, then <c>frontier-aggregation</c>'s without a source.</summary>
public sealed record IngestAndAggregateParams
{
    [JsonPropertyName("ingest")]
    public JsonElement? Ingest { get; init; }

    [JsonPropertyName("aggregate")]
    public JsonElement? Aggregate { get; init; }
}
