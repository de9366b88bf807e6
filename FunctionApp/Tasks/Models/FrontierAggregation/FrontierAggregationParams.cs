using System.Text.Json.Serialization;

namespace Fractal.FunctionApp.Tasks.Models.FrontierAggregation;

/// <summary>
/// The parameters of <c>frontier-aggregation</c>: the logs (a log set, or generated Frontier logs), the fields to
/// aggregate, the bucket width and the number of partitions.
/// </summary>
public sealed record FrontierAggregationParams
{
    public const int MaxPartitions = 256;

    /// <summary>A log set that <c>log-ingest</c> loaded; or set <see cref="Demo"/>.</summary>
    [JsonPropertyName("dataset")]
    public string? Dataset { get; init; }

    /// <summary>Generated Frontier access logs instead of a log set.</summary>
    [JsonPropertyName("demo")]
    public DemoLogOptions? Demo { get; init; }

    /// <summary>The numerical field of each row's time, in seconds since the epoch.</summary>
    [JsonPropertyName("time_field")]
    public string TimeField { get; init; } = "time";

    /// <summary>The categorical field counted per bucket (a site, a server, a query kind).</summary>
    [JsonPropertyName("key_field")]
    public string KeyField { get; init; } = "site";

    /// <summary>The categorical field whose value <see cref="HitValue"/> makes a row a hit; none: no hit ratios.</summary>
    [JsonPropertyName("hit_field")]
    public string? HitField { get; init; } = "status";

    /// <summary>The value of <see cref="HitField"/> that counts as a hit.</summary>
    [JsonPropertyName("hit_value")]
    public string HitValue { get; init; } = "hit";

    /// <summary>The width of a time bucket, in seconds.</summary>
    [JsonPropertyName("bucket_seconds")]
    public long BucketSeconds { get; init; } = 3600;

    /// <summary>How many partitions (activities) the rows are split into.</summary>
    [JsonPropertyName("partitions")]
    public int Partitions { get; init; } = 4;
}

/// <summary>Generated logs: how many rows, from which seed.</summary>
public sealed record DemoLogOptions(
    [property: JsonPropertyName("rows")] long Rows,
    [property: JsonPropertyName("seed")] int Seed = 1);
