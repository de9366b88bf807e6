using System.Text.Json.Serialization;

namespace Fractal.LocalHost.Management;

/// <summary>The management payload Durable Functions answers a start with (<c>CreateCheckStatusResponse</c>'s body).</summary>
public sealed record HttpManagementUrls
{
    [JsonPropertyName("id")]
    public required string Id { get; init; }

    [JsonPropertyName("statusQueryGetUri")]
    public required string StatusQueryGetUri { get; init; }

    [JsonPropertyName("sendEventPostUri")]
    public required string SendEventPostUri { get; init; }

    [JsonPropertyName("terminatePostUri")]
    public required string TerminatePostUri { get; init; }

    [JsonPropertyName("purgeHistoryDeleteUri")]
    public required string PurgeHistoryDeleteUri { get; init; }

    [JsonPropertyName("restartPostUri")]
    public required string RestartPostUri { get; init; }

    [JsonPropertyName("suspendPostUri")]
    public required string SuspendPostUri { get; init; }

    [JsonPropertyName("resumePostUri")]
    public required string ResumePostUri { get; init; }

    /// <summary>The URLs of <paramref name="instanceId"/> under <paramref name="baseUrl"/> (the webhook path included).</summary>
    public static HttpManagementUrls Create(string baseUrl, string queryString, string instanceId)
    {
        ArgumentException.ThrowIfNullOrEmpty(baseUrl);
        ArgumentException.ThrowIfNullOrEmpty(instanceId);
        var instance = $"{baseUrl}/instances/{Uri.EscapeDataString(instanceId)}";
        return new HttpManagementUrls
        {
            Id = instanceId,
            StatusQueryGetUri = $"{instance}?{queryString}",
            SendEventPostUri = $"{instance}/raiseEvent/{{eventName}}?{queryString}",
            TerminatePostUri = $"{instance}/terminate?reason={{text}}&{queryString}",
            PurgeHistoryDeleteUri = $"{instance}?{queryString}",
            RestartPostUri = $"{instance}/restart?{queryString}",
            SuspendPostUri = $"{instance}/suspend?reason={{text}}&{queryString}",
            ResumePostUri = $"{instance}/resume?reason={{text}}&{queryString}",
        };
    }
}
