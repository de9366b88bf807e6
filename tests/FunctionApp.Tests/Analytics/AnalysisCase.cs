namespace Fractal.FunctionApp.Tests.Analytics;

/// <summary>An analysis to run over HTTP, and the same analysis run by the Domain on the same tables.</summary>
internal sealed record AnalysisCase(string TaskName, object Args, Func<Task<object>> Expected, IReadOnlyList<string> Charts);
