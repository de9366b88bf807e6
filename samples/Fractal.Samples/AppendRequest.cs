namespace Fractal.Samples;

/// <summary>The input of <see cref="SequenceSample.AppendLetter"/>.</summary>
public sealed record AppendRequest(string Text, string Letter);
