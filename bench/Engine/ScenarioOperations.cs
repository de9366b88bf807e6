namespace Fractal.Bench.Engine;

/// <summary>The storage operations one scenario made, and over how many instances.</summary>
internal sealed record ScenarioOperations(string Scenario, int Instances, IReadOnlyList<OperationSummary> Operations);
