namespace Fractal.FunctionApp.Web;

/// <summary>The outcome of a <see cref="StorageHealthProbe"/> check.</summary>
/// <param name="Kind"><c>azure-storage</c> or <c>in-memory</c>.</param>
/// <param name="Reachable">Whether the storage answered.</param>
/// <param name="Error">Why not, without secrets, when it did not.</param>
public sealed record StorageHealth(string Kind, bool Reachable, string? Error);
