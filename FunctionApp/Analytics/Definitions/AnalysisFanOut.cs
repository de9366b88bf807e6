using System.Text.Json.Serialization;

namespace Fractal.FunctionApp.Analytics.Definitions;

/// <summary>The shape of an analysis' work, which the analysis orchestration follows.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<AnalysisFanOut>))]
public enum AnalysisFanOut
{
    /// <summary>One activity reads, computes, draws and stores (<see cref="IWholeAnalysis"/>).</summary>
    Whole,

    /// <summary>A plan, one activity per (subset, category) group, then one that combines (<see cref="IGroupedAnalysis"/>).</summary>
    Groups,

    /// <summary>The feature matrix measured, its statistics per chunk of features, then one that finishes (<see cref="IFeatureMatrixAnalysis"/>).</summary>
    FeatureChunks,
}
