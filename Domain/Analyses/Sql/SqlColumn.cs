using System.Text.Json.Serialization;

namespace Fractal.Domain.Analyses.Sql;

/// <summary>A column of a query's result: its name, the engine's type name (such as <c>BIGINT</c>) and what its values are.</summary>
public sealed record SqlColumn(
    [property: JsonPropertyName("name")] string Name,
    [property: JsonPropertyName("type")] string Type,
    [property: JsonPropertyName("kind")] SqlValueKind Kind);
