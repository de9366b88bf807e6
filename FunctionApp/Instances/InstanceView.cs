using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using Microsoft.DurableTask.Client;

namespace Fractal.FunctionApp.Instances;

/// <summary>
/// One orchestration instance as <c>/api/instances</c> answers it. Its input is shown without the fields that grant
/// access to a session's data (<see cref="HiddenInputFields"/>): this API opens with a function key, not the system key.
/// </summary>
public sealed record InstanceView
{
    /// <summary>Top-level input fields replaced by <see cref="Hidden"/>: the session id, the sealed source token, the upload's blob.</summary>
    public static readonly IReadOnlySet<string> HiddenInputFields = new HashSet<string>(StringComparer.Ordinal) { "session", "sealed_token", "upload" };

    /// <summary>What a hidden field reads.</summary>
    public const string Hidden = "(hidden)";

    [JsonPropertyName("id")]
    public required string Id { get; init; }

    [JsonPropertyName("name")]
    public required string Name { get; init; }

    [JsonPropertyName("status")]
    public required string Status { get; init; }

    [JsonPropertyName("created")]
    public DateTimeOffset Created { get; init; }

    [JsonPropertyName("last_updated")]
    public DateTimeOffset LastUpdated { get; init; }

    [JsonPropertyName("custom_status")]
    public JsonNode? CustomStatus { get; init; }

    [JsonPropertyName("input")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public JsonNode? Input { get; init; }

    [JsonPropertyName("output")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public JsonNode? Output { get; init; }

    [JsonPropertyName("failure")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public InstanceFailure? Failure { get; init; }

    /// <summary>The view of <paramref name="instance"/>; with its input and output when <paramref name="details"/>.</summary>
    public static InstanceView From(OrchestrationMetadata instance, bool details)
    {
        ArgumentNullException.ThrowIfNull(instance);
        return new InstanceView
        {
            Id = instance.InstanceId,
            Name = instance.Name,
            Status = instance.RuntimeStatus.ToString(),
            Created = instance.CreatedAt,
            LastUpdated = instance.LastUpdatedAt,
            CustomStatus = Parse(instance.SerializedCustomStatus),
            Input = details ? HideAccess(Parse(instance.SerializedInput)) : null,
            Output = details ? Parse(instance.SerializedOutput) : null,
            Failure = instance.FailureDetails is { } failure ? new InstanceFailure(failure.ErrorType, failure.ErrorMessage) : null,
        };
    }

    /// <summary>JSON as the engine stored it; text that is not JSON as a JSON string.</summary>
    private static JsonNode? Parse(string? serialized)
    {
        if (string.IsNullOrEmpty(serialized))
        {
            return null;
        }

        try
        {
            return JsonNode.Parse(serialized);
        }
        catch (JsonException)
        {
            return JsonValue.Create(serialized);
        }
    }

    private static JsonNode? HideAccess(JsonNode? input)
    {
        if (input is JsonObject fields)
        {
            foreach (var name in fields.Select(f => f.Key).Where(HiddenInputFields.Contains).ToList())
            {
                fields[name] = Hidden;
            }
        }

        return input;
    }
}
