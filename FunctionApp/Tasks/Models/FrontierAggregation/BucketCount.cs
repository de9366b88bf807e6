using System.Text.Json.Serialization;

namespace Fractal.FunctionApp.Tasks.Models.FrontierAggregation;

/// <summary>The rows of one time bucket and key: how many, how many were hits, and the hit ratio.</summary>
public sealed record BucketCount(
    [property: JsonPropertyName("bucket")] long Bucket,
    [property: JsonPropertyName("key")] string Key,
    [property: JsonPropertyName("count")] long Count,
    [property: JsonPropertyName("hits")] long Hits)
{
    /// <summary>Hits over rows.</summary>
    [JsonPropertyName("hit_ratio")]
    public double HitRatio => Count == 0 ? 0 : (double)Hits / Count;
}
