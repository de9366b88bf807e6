using System.Text.Json.Serialization;

namespace Fractal.FunctionApp.Tasks.Models.FrontierAggregation;

/// <summary>What one partition counted: its rows, the rows it skipped (no time or key), and its counts per bucket and key.</summary>
public sealed record AggregationPart(
    [property: JsonPropertyName("rows")] long Rows,
    [property: JsonPropertyName("skipped")] long Skipped,
    [property: JsonPropertyName("groups")] IReadOnlyList<BucketCount> Groups);
