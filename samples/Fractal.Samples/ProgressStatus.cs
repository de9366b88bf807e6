namespace Fractal.Samples;

/// <summary>The custom status of <see cref="CustomStatusSample.CustomStatus"/>.</summary>
public sealed record ProgressStatus(string Stage, int Step);
