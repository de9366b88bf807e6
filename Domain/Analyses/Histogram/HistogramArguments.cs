using Fractal.Domain.Data;

namespace Fractal.Domain.Analyses.Histogram;

/// <summary>The arguments of <c>compute-histogram</c>, with its dataset resolved to a table.</summary>
public sealed record HistogramArguments(DatasetTable Data, int BinCount, double BandwidthFactor, AnalysisScope Scope);
