using System.Text.Json;
using System.Text.Json.Nodes;
using Fractal.Durable.Client;
using Fractal.Durable.History;

namespace Fractal.Durable.Management;

/// <summary>The status JSON that the Durable Functions management API answers with.</summary>
internal static class InstanceStatusBody
{
    public static JsonObject Create(OrchestrationMetadata instance, bool showInput, IReadOnlyList<HistoryEvent>? history, bool showHistoryOutput)
    {
        var body = new JsonObject
        {
            ["name"] = instance.Name,
            ["instanceId"] = instance.InstanceId,
            ["runtimeStatus"] = instance.RuntimeStatus.ToString(),
            ["input"] = showInput ? Parse(instance.SerializedInput) : null,
            ["customStatus"] = Parse(instance.SerializedCustomStatus),
            ["output"] = instance.FailureDetails is { } failure ? failure.ToString() : Parse(instance.SerializedOutput),
            ["createdTime"] = instance.CreatedAt.ToString("O"),
            ["lastUpdatedTime"] = instance.LastUpdatedAt.ToString("O"),
        };
        if (instance.FailureDetails is { } details)
        {
            body["failureDetails"] = new JsonObject { ["errorType"] = details.ErrorType, ["errorMessage"] = details.ErrorMessage };
        }

        if (history is not null)
        {
            body["historyEvents"] = new JsonArray([.. history.Where(e => e is not OrchestratorStartedEvent).Select(e => (JsonNode?)Describe(e, showHistoryOutput))]);
        }

        return body;
    }

    private static JsonObject Describe(HistoryEvent historyEvent, bool showOutput)
    {
        var node = JsonSerializer.SerializeToNode<HistoryEvent>(historyEvent, JsonSerializerOptions.Web)!.AsObject();
        // Web options make the node's keys case-insensitive: take the discriminator out, then put it back camel-cased.
        var eventType = node["EventType"]?.DeepClone();
        node.Remove("EventType");
        node["eventType"] = eventType;
        if (!showOutput)
        {
            node.Remove("result");
        }
        else if (node["result"] is JsonValue result && result.TryGetValue<string>(out var json))
        {
            node["result"] = Parse(json);
        }

        if (node["input"] is JsonValue input && input.TryGetValue<string>(out var inputJson))
        {
            node["input"] = Parse(inputJson);
        }

        return node;
    }

    private static JsonNode? Parse(string? json)
    {
        if (json is null)
        {
            return null;
        }

        try
        {
            return JsonNode.Parse(json);
        }
        catch (JsonException)
        {
            return JsonValue.Create(json);
        }
    }
}
