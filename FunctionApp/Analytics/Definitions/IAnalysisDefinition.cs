using Fractal.Domain.Analyses;
using Fractal.FunctionApp.Analytics.Charts;
using Fractal.FunctionApp.Fractalis.Tasks;

namespace Fractal.FunctionApp.Analytics.Definitions;

/// <summary>
/// One analysis, everything the app knows of it in one place: its schema, the checks its arguments need beyond the
/// schema, the fan-out its work follows (a shape interface: <see cref="IWholeAnalysis"/>, <see cref="IGroupedAnalysis"/>
/// or <see cref="IFeatureMatrixAnalysis"/>), its charts and its Fractalis mapping. Registered in DI with
/// <see cref="AnalysisServiceCollectionExtensions.AddAnalysis{TDefinition}"/>; the catalog, the runs, the orchestration's
/// activities and the Fractalis routes find it in the <see cref="AnalysisRegistry"/> by its task name.
/// </summary>
public interface IAnalysisDefinition
{
    /// <summary>The task name, parameters and description, as the catalog lists them.</summary>
    AnalysisSchema Schema { get; }

    /// <summary>The shape of its work.</summary>
    AnalysisFanOut FanOut { get; }

    /// <summary>How Fractal.js' arguments and results translate, or null for an analysis that Fractalis does not have.</summary>
    IFractalisTask? Fractalis { get; }

    /// <summary>Checks the arguments need beyond the schema's (which <see cref="AnalysisInputs.ValidateAsync"/> checks first).</summary>
    /// <exception cref="AnalysisArgumentException">The first bad argument, by name.</exception>
    Task ValidateAsync(AnalysisInputs inputs, string session, AnalysisArgs args, CancellationToken cancellationToken);

    /// <summary>The charts of a result this analysis computed.</summary>
    IReadOnlyList<NamedPlot> Draw(object result);
}
