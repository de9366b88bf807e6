namespace Fractal.Samples;

/// <summary>The input of <see cref="RetrySample.Flaky"/>: which call it is and how many times it fails.</summary>
public sealed record FlakyRequest(string Key, int Failures);
