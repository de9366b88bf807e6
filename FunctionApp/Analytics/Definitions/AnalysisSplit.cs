using System.Text.Json;

namespace Fractal.FunctionApp.Analytics.Definitions;

/// <summary>A grouped analysis' plan and the input of each of its groups, as JSON.</summary>
public sealed record AnalysisSplit(JsonElement Plan, IReadOnlyList<JsonElement> Groups);
