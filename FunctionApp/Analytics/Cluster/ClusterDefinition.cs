using Fractal.Domain.Analyses;
using Fractal.Domain.Analyses.Cluster;
using Fractal.Domain.Data;
using Fractal.FunctionApp.Analytics.Charts;
using Fractal.FunctionApp.Analytics.Definitions;
using Fractal.FunctionApp.Fractalis.Tasks;

namespace Fractal.FunctionApp.Analytics.Cluster;

/// <summary><c>compute-cluster</c>: the rows and columns of a matrix (a dataset or inline) clustered, in one activity.</summary>
internal sealed class ClusterDefinition : WholeAnalysis<ClusterResult>
{
    public override AnalysisSchema Schema => ClusterAnalysis.Schema;

    public override IFractalisTask Fractalis { get; } = new ClusterMapping();

    /// <summary>
    /// The matrix is an inline one or a numerical_array dataset of the session; each algorithm's options are checked by
    /// the algorithm: k-means reads neither method nor metric, which Fractal.js sends empty.
    /// </summary>
    public override async Task ValidateAsync(AnalysisInputs inputs, string session, AnalysisArgs args, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(inputs);
        ArgumentNullException.ThrowIfNull(args);
        if (InlineMatrix.TryRead(args, "data") is null)
        {
            var data = args.Dataset("data") ?? throw new AnalysisArgumentException("data", "data is required: a numerical_array dataset id or an inline matrix {row: {column: value}}.");
            await inputs.CheckDatasetAsync(session, "data", data.Id, [DataType.NumericalArray.ToName()], cancellationToken);
        }

        if (args.Text("cluster_algo") == "hclust")
        {
            ClusterAnalysis.Linkage(args.Options<ClusterOptions>("options"));
        }
    }

    protected override async Task<ClusterResult> RunAsync(AnalysisInputs inputs, AnalysisJob job, CancellationToken cancellationToken)
    {
        var args = await inputs.ArgsAsync(job, cancellationToken);
        return ClusterAnalysis.Run(ClusterArguments.FromDataset(
            InlineMatrix.TryRead(args, "data") ?? await inputs.TableAsync(job.Session, args, "data", cancellationToken),
            args.Text("cluster_algo")!,
            args.Options<ClusterOptions>("options")));
    }

    protected override IReadOnlyList<NamedPlot> Draw(ClusterResult result) => ClusterCharts.Draw(result);
}
