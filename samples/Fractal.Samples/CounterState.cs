namespace Fractal.Samples;

/// <summary>The input of <see cref="ContinueAsNewSample.Counter"/>: where it is and where it stops.</summary>
public sealed record CounterState(int Current, int Target);
