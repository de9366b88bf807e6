using ScottPlot;

namespace Fractal.FunctionApp.Analytics.Charts;

/// <summary>A chart ready to render: the name of its blobs (<c>{name}.svg</c>, <c>{name}.png</c>) and its plot.</summary>
public sealed record NamedPlot(string Name, Plot Plot);
