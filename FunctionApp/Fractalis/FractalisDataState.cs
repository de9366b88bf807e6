using System.Security.Cryptography;
using System.Text.Json;
using System.Text.Json.Serialization;
using Fractal.FunctionApp.Data;

namespace Fractal.FunctionApp.Fractalis;

/// <summary>One entry of Fractalis' <c>GET /data</c>: a dataset of the session and its ETL state.</summary>
public sealed record FractalisDataState(
    [property: JsonPropertyName("task_id")] string TaskId,
    [property: JsonPropertyName("label")] string Label,
    [property: JsonPropertyName("data_type")] string DataType,
    [property: JsonPropertyName("hash")] string Hash,
    [property: JsonPropertyName("etl_state")] string EtlState,
    [property: JsonPropertyName("etl_message")] string? EtlMessage)
{
    /// <summary>
    /// The state of <paramref name="record"/>: Fractalis knows SUBMITTED, SUCCESS and FAILURE, so a
    /// running load is SUBMITTED; the hash identifies what was asked for (handler and descriptor).
    /// </summary>
    public static FractalisDataState From(DatasetRecord record)
    {
        ArgumentNullException.ThrowIfNull(record);
        var request = JsonSerializer.SerializeToUtf8Bytes(new { handler = record.Handler, descriptor = record.Descriptor });
        return new FractalisDataState(
            record.DataId,
            record.Label,
            record.DataTypeName,
            Convert.ToHexStringLower(SHA256.HashData(request)),
            record.EtlState == Data.EtlState.Running ? Data.EtlState.Submitted : record.EtlState,
            record.EtlMessage);
    }
}
