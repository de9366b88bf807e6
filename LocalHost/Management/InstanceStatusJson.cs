using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.DurableTask.Client;

namespace Fractal.LocalHost.Management;

/// <summary>The status body of the Durable Functions HTTP API (its <c>StatusResponsePayload</c>).</summary>
internal static class InstanceStatusJson
{
    public static JsonObject Create(OrchestrationMetadata instance, bool showInput, JsonArray? history)
    {
        ArgumentNullException.ThrowIfNull(instance);
        var body = new JsonObject
        {
            ["name"] = instance.Name,
            ["instanceId"] = instance.InstanceId,
            ["runtimeStatus"] = instance.RuntimeStatus.ToString(),
            ["input"] = showInput ? Parse(instance.SerializedInput) : null,
            ["customStatus"] = Parse(instance.SerializedCustomStatus),
            ["output"] = instance.SerializedOutput is null && instance.FailureDetails is { } failure
                ? JsonValue.Create(failure.ErrorMessage)
                : Parse(instance.SerializedOutput),
            ["createdTime"] = Time(instance.CreatedAt),
            ["lastUpdatedTime"] = Time(instance.LastUpdatedAt),
        };
        if (history is not null)
        {
            body["historyEvents"] = history;
        }

        return body;
    }

    /// <summary>A time as the Durable extension writes it: <c>yyyy-MM-ddTHH:mm:ssZ</c>, UTC.</summary>
    public static string Time(DateTimeOffset time) =>
        time.UtcDateTime.ToString("s", CultureInfo.InvariantCulture) + "Z";

    /// <summary>A serialized value as JSON; a text that is not JSON stays a string, as the extension leaves terminate reasons.</summary>
    public static JsonNode? Parse(string? json)
    {
        if (json is null)
        {
            return null;
        }

        var trimmed = json.Trim();
        if (trimmed.Length == 0)
        {
            return JsonValue.Create(string.Empty);
        }

        try
        {
            return JsonNode.Parse(trimmed);
        }
        catch (JsonException)
        {
            return JsonValue.Create(json);
        }
    }
}
