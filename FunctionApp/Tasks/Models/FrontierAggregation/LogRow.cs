namespace Fractal.FunctionApp.Tasks.Models.FrontierAggregation;

/// <summary>One log row as the aggregation reads it: its id, time (seconds since the epoch), key and hit field's value.</summary>
public readonly record struct LogRow(string Id, double Time, string? Key, string? Hit);
