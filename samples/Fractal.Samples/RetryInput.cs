namespace Fractal.Samples;

/// <summary>The input of <see cref="RetrySample.Retrying"/>: an activity that fails <paramref name="Failures"/> times before it succeeds.</summary>
public sealed record RetryInput(int Failures, int MaxAttempts);
