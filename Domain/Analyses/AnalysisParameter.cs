using System.Text.Json.Serialization;

namespace Fractal.Domain.Analyses;

/// <summary>One argument of an analysis, as the catalog lists it.</summary>
public sealed record AnalysisParameter
{
    /// <summary>The argument's name in <c>args</c>, such as <c>id_filter</c>.</summary>
    [JsonPropertyName("name")]
    public required string Name { get; init; }

    [JsonPropertyName("type")]
    public required ParameterKind Kind { get; init; }

    [JsonPropertyName("required")]
    public bool Required { get; init; }

    /// <summary>For datasets, the data type names accepted (see <c>DataTypeNames</c>); empty otherwise.</summary>
    [JsonPropertyName("data_types")]
    public IReadOnlyList<string> DataTypes { get; init; } = [];

    /// <summary>The values accepted, when the set is fixed; empty otherwise.</summary>
    [JsonPropertyName("allowed_values")]
    public IReadOnlyList<string> AllowedValues { get; init; } = [];

    /// <summary>The value used when the argument is left out; null when there is none.</summary>
    [JsonPropertyName("default")]
    public object? Default { get; init; }

    [JsonPropertyName("description")]
    public string Description { get; init; } = string.Empty;
}
