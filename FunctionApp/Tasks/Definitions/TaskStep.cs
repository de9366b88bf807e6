using System.Text.Json;
using System.Text.Json.Serialization;

namespace Fractal.FunctionApp.Tasks.Definitions;

/// <summary>One step of a chained model: the model to run and its parameters.</summary>
public sealed record TaskStep(
    [property: JsonPropertyName("model")] string Model,
    [property: JsonPropertyName("params")] JsonElement Parameters);
