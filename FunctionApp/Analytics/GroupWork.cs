namespace Fractal.FunctionApp.Analytics;

/// <summary>One group's kernel: the analysis, its arguments (for method options) and the group's input (JSON).</summary>
public sealed record GroupWork(string TaskName, string Args, string Group);
