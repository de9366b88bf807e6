using System.Text.Json;
using System.Text.Json.Serialization;

namespace Fractal.FunctionApp.Tasks;

/// <summary>A run and the results so far: its partitions' (to combine) or its steps' outputs (to chain or combine).</summary>
public sealed record TaskResults(
    [property: JsonPropertyName("run")] TaskRun Run,
    [property: JsonPropertyName("results")] IReadOnlyList<JsonElement> Results);
