using Fractal.Domain.Data;

namespace Fractal.Domain.Analyses.Sql;

/// <summary>The inputs of <c>sql</c>: the query and each table by the name the query uses.</summary>
public sealed record SqlArguments(string Query, IReadOnlyDictionary<string, DatasetTable> Tables);
