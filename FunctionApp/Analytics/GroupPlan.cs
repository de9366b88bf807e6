namespace Fractal.FunctionApp.Analytics;

/// <summary>A split analysis: its plan (JSON) and the input of each independent group (JSON each).</summary>
public sealed record GroupPlan(string Plan, IReadOnlyList<string> Groups);
