using System.Text.Json.Serialization;

namespace Fractal.FunctionApp.Data;

/// <summary>How one dataset of an ETL job ended, as the orchestration's output lists it.</summary>
public sealed record EtlDatasetOutcome(
    [property: JsonPropertyName("data_id")] string DataId,
    [property: JsonPropertyName("etl_state")] string EtlState,
    [property: JsonPropertyName("etl_message")] string? EtlMessage,
    [property: JsonPropertyName("row_count")] long RowCount);
