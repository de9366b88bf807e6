using System.Text.Json.Serialization;
using Fractal.Domain.Data;

namespace Fractal.FunctionApp.Data;

/// <summary>One dataset of an ETL job: its id and what to fetch.</summary>
public sealed record EtlJobDataset(
    [property: JsonPropertyName("data_id")] string DataId,
    [property: JsonPropertyName("descriptor")] Descriptor Descriptor);
