using System.Text.Json.Serialization;

namespace Fractal.FunctionApp.Data;

/// <summary>The answer to <c>POST /api/data</c>: the check-status payload plus the ids of the datasets being loaded.</summary>
public sealed record DataLoadAccepted(
    [property: JsonIgnore] HttpManagementPayload Payload,
    [property: JsonPropertyName("data_ids")] IReadOnlyList<string> DataIds)
{
    [JsonPropertyName("id")]
    public string? Id => Payload.Id;

    [JsonPropertyName("statusQueryGetUri")]
    public string? StatusQueryGetUri => Payload.StatusQueryGetUri;

    [JsonPropertyName("sendEventPostUri")]
    public string? SendEventPostUri => Payload.SendEventPostUri;

    [JsonPropertyName("terminatePostUri")]
    public string? TerminatePostUri => Payload.TerminatePostUri;

    [JsonPropertyName("purgeHistoryDeleteUri")]
    public string? PurgeHistoryDeleteUri => Payload.PurgeHistoryDeleteUri;

    [JsonPropertyName("suspendPostUri")]
    public string? SuspendPostUri => Payload.SuspendPostUri;

    [JsonPropertyName("resumePostUri")]
    public string? ResumePostUri => Payload.ResumePostUri;
}
