namespace Fractal.Bench.Engine;

/// <summary>How often one kind of storage operation ran and how long it took in all.</summary>
internal sealed record OperationSummary(string Kind, long Count, TimeSpan Total)
{
    public double MeanMilliseconds => Total.TotalMilliseconds / Count;
}
