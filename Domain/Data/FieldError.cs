namespace Fractal.Domain.Data;

/// <summary>A validation problem: the request field at fault (a JSON path such as <c>descriptors[1].field</c>) and why.</summary>
public sealed record FieldError(string Field, string Message);
