using System.Text.Json.Nodes;
using DurableTask.Core;
using DurableTask.Core.History;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace Fractal.LocalHost.Management;

/// <summary>
/// An instance's history as the Durable extension shows it (<c>showHistory=true</c>): DTFx's history events
/// with <c>EventType</c> by name; a task's or sub-orchestration's completion or failure carries the
/// <c>FunctionName</c> and <c>ScheduledTime</c> of its scheduling event, which is then left out, as are
/// <c>OrchestratorStarted</c>/<c>OrchestratorCompleted</c>; <c>EventId</c> and <c>IsPlayed</c> are dropped;
/// <c>Result</c> only with <c>showHistoryOutput</c>, <c>Input</c> only with <c>showInput</c>.
/// </summary>
internal static class HistoryJson
{
    private static readonly JsonSerializer s_serializer = JsonSerializer.Create(new JsonSerializerSettings
    {
        DateTimeZoneHandling = DateTimeZoneHandling.Utc,
        NullValueHandling = NullValueHandling.Include,
    });

    public static JsonArray Create(IEnumerable<HistoryEvent> history, bool showHistoryOutput, bool showInput)
    {
        ArgumentNullException.ThrowIfNull(history);
        var events = history.Select(e => JObject.FromObject(e, s_serializer)).ToList();
        var scheduled = new Dictionary<string, (int Index, string? Name, JToken? Timestamp, JToken? Input)>();
        var dropped = new HashSet<int>();
        for (var i = 0; i < events.Count; i++)
        {
            var item = events[i];
            if (item["EventType"] is not JValue { Value: not null } typeValue)
            {
                continue;
            }

            var eventType = typeValue.Type == JTokenType.Integer
                ? (EventType)typeValue.Value<int>()
                : Enum.Parse<EventType>(typeValue.Value<string>()!);
            item["EventType"] = eventType.ToString();
            switch (eventType)
            {
                case EventType.TaskScheduled:
                case EventType.SubOrchestrationInstanceCreated:
                    scheduled[$"{eventType}_{item["EventId"]}"] = (i, (string?)item["Name"], item["Timestamp"], item["Input"]);
                    item.Remove("Version");
                    break;
                case EventType.TaskCompleted:
                case EventType.TaskFailed:
                    Aggregate(item, "TaskScheduled", scheduled, dropped, showInput);
                    Result(item, showHistoryOutput, eventType == EventType.TaskCompleted);
                    break;
                case EventType.SubOrchestrationInstanceCompleted:
                case EventType.SubOrchestrationInstanceFailed:
                    Aggregate(item, "SubOrchestrationInstanceCreated", scheduled, dropped, showInput);
                    Result(item, showHistoryOutput, eventType == EventType.SubOrchestrationInstanceCompleted);
                    break;
                case EventType.ExecutionStarted:
                    item["FunctionName"] = item["Name"];
                    item.Remove("Name");
                    item.Remove("OrchestrationInstance");
                    item.Remove("ParentInstance");
                    item.Remove("Version");
                    item.Remove("Tags");
                    break;
                case EventType.ExecutionCompleted:
                    if (item["OrchestrationStatus"] is JValue { Type: JTokenType.Integer } status)
                    {
                        item["OrchestrationStatus"] = ((OrchestrationStatus)status.Value<int>()).ToString();
                    }

                    Result(item, showHistoryOutput, hasResult: true);
                    break;
                case EventType.TimerFired:
                    item.Remove("TimerId");
                    break;
                case EventType.OrchestratorStarted:
                case EventType.OrchestratorCompleted:
                    dropped.Add(i);
                    break;
                default:
                    break;
            }

            if (!showInput)
            {
                item.Remove("Input");
            }

            item.Remove("EventId");
            item.Remove("IsPlayed");
        }

        var array = new JsonArray();
        for (var i = 0; i < events.Count; i++)
        {
            if (!dropped.Contains(i))
            {
                array.Add(JsonNode.Parse(events[i].ToString(Formatting.None)));
            }
        }

        return array;
    }

    private static void Aggregate(
        JObject item,
        string prefix,
        Dictionary<string, (int Index, string? Name, JToken? Timestamp, JToken? Input)> scheduled,
        HashSet<int> dropped,
        bool showInput)
    {
        if (scheduled.TryGetValue($"{prefix}_{item["TaskScheduledId"]}", out var origin))
        {
            item["ScheduledTime"] = origin.Timestamp?.DeepClone();
            item["FunctionName"] = origin.Name;
            if (showInput)
            {
                item["Input"] = origin.Input?.DeepClone();
            }

            dropped.Add(origin.Index);
        }

        item.Remove("TaskScheduledId");
    }

    private static void Result(JObject item, bool showHistoryOutput, bool hasResult)
    {
        if (!hasResult)
        {
            return;
        }

        if (!showHistoryOutput)
        {
            item.Remove("Result");
            return;
        }

        if (item["Result"] is JValue { Type: JTokenType.String } text)
        {
            var parsed = InstanceStatusJson.Parse(text.Value<string>());
            item["Result"] = parsed is null ? JValue.CreateNull() : JToken.Parse(parsed.ToJsonString());
        }
    }
}
