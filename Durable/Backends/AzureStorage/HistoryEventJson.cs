using System.Collections.Frozen;
using System.Reflection;
using System.Text.Json;
using System.Text.Json.Serialization;
using Fractal.Durable.History;

namespace Fractal.Durable.Backends.AzureStorage;

/// <summary>History events as the JSON the history table keeps, and their type names as Durable Functions shows them.</summary>
internal static class HistoryEventJson
{
    private static readonly FrozenDictionary<Type, string> s_typeNames = typeof(HistoryEvent)
        .GetCustomAttributes<JsonDerivedTypeAttribute>()
        .ToFrozenDictionary(a => a.DerivedType, a => (string)a.TypeDiscriminator!);

    public static string Serialize(HistoryEvent historyEvent) => JsonSerializer.Serialize(historyEvent);

    public static HistoryEvent Deserialize(string json) =>
        JsonSerializer.Deserialize<HistoryEvent>(json) ?? throw new JsonException("A history row holds a null event.");

    public static HistoryEvent Deserialize(BinaryData json) =>
        JsonSerializer.Deserialize<HistoryEvent>(json) ?? throw new JsonException("A history blob holds a null event.");

    /// <summary>The event's discriminator, e.g. <c>TaskScheduled</c>.</summary>
    public static string TypeName(HistoryEvent historyEvent) =>
        s_typeNames.TryGetValue(historyEvent.GetType(), out var name) ? name : historyEvent.GetType().Name;
}
