using Fractal.Domain.Analyses;
using Fractal.Domain.Analyses.Boxplot;
using Fractal.Domain.Analyses.Cluster;
using Fractal.Domain.Analyses.Correlation;
using Fractal.Domain.Analyses.Heatmap;
using Fractal.Domain.Analyses.Histogram;
using Fractal.Domain.Analyses.Pca;
using Fractal.Domain.Analyses.Sql;
using Fractal.Domain.Analyses.Survival;
using Fractal.Domain.Analyses.Volcano;
using Fractal.Domain.Data;
using Fractal.FunctionApp.Data;

namespace Fractal.FunctionApp.Analytics;

/// <summary>
/// An analysis' inputs: checked against its schema and the session's dataset records before it
/// starts, then read from blobs into the Domain's argument records by the activities that need them.
/// </summary>
public sealed partial class AnalysisInputs
{
    private readonly DatasetRepository _datasets;
    private readonly AnalysisResultStore _results;

    public AnalysisInputs(DatasetRepository datasets, AnalysisResultStore results)
    {
        _datasets = datasets;
        _results = results;
    }

    /// <summary>Checks every parameter of <paramref name="schema"/>: JSON types, allowed values, and each dataset's session, state and type.</summary>
    /// <exception cref="AnalysisArgumentException">The first bad argument, by name.</exception>
    public async Task ValidateAsync(string session, AnalysisSchema schema, AnalysisArgs args, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(schema);
        ArgumentNullException.ThrowIfNull(args);
        foreach (var parameter in schema.Parameters)
        {
            if (parameter.Required && !args.Has(parameter.Name))
            {
                throw new AnalysisArgumentException(parameter.Name, $"{parameter.Name} is required.");
            }

            switch (parameter.Kind)
            {
                case ParameterKind.Dataset:
                    if (args.Dataset(parameter.Name) is { } reference)
                    {
                        await CheckDatasetAsync(session, parameter.Name, reference.Id, parameter.DataTypes, cancellationToken);
                    }

                    break;
                case ParameterKind.DatasetList:
                    var references = args.Datasets(parameter.Name);
                    if (parameter.Required && references.Count == 0)
                    {
                        throw new AnalysisArgumentException(parameter.Name, $"{parameter.Name} needs at least one dataset.");
                    }

                    for (var i = 0; i < references.Count; i++)
                    {
                        await CheckDatasetAsync(session, $"{parameter.Name}[{i}]", references[i].Id, parameter.DataTypes, cancellationToken);
                    }

                    break;
                case ParameterKind.Text:
                    var text = args.Text(parameter.Name);
                    if (text is not null && parameter.AllowedValues.Count > 0 && !parameter.AllowedValues.Contains(text, StringComparer.Ordinal))
                    {
                        throw new AnalysisArgumentException(parameter.Name, $"Unknown {parameter.Name} '{text}'; use one of {string.Join(", ", parameter.AllowedValues)}.");
                    }

                    break;
                case ParameterKind.WholeNumber:
                    args.WholeNumber(parameter.Name, 0);
                    break;
                case ParameterKind.Number:
                    args.Number(parameter.Name, 0);
                    break;
                case ParameterKind.Boolean:
                    args.Boolean(parameter.Name, false);
                    break;
                case ParameterKind.IdList:
                    args.Texts(parameter.Name);
                    break;
                case ParameterKind.IdLists:
                    args.TextLists(parameter.Name);
                    break;
                case ParameterKind.Options:
                    break;
                case ParameterKind.DatasetMap:
                    await CheckDatasetMapAsync(session, parameter, args, cancellationToken);
                    break;
            }
        }

        if (schema.TaskName == ClusterAnalysis.TaskName)
        {
            await ValidateClusterAsync(session, args, cancellationToken);
        }

        if (schema.TaskName == SqlAnalysis.TaskName)
        {
            ValidateSql(args);
        }

        if (schema.TaskName == VolcanoAnalysis.TaskName)
        {
            VolcanoAnalysis.CheckSubsetCount(args.Text("ranking_method", "limma")!, new AnalysisScope(null, args.TextLists("subsets"), null).SubsetCount);
        }
    }

    public async Task<CorrelationArguments> CorrelationAsync(AnalysisJob job, CancellationToken cancellationToken)
    {
        var args = await ArgsAsync(job, cancellationToken);
        return new CorrelationArguments(
            await TableAsync(job.Session, args, "x", cancellationToken),
            await TableAsync(job.Session, args, "y", cancellationToken),
            CorrelationMethodNames.Parse(args.Text("method", "pearson")),
            await ScopeAsync(job.Session, args, cancellationToken));
    }

    public async Task<BoxplotArguments> BoxplotAsync(AnalysisJob job, CancellationToken cancellationToken)
    {
        var args = await ArgsAsync(job, cancellationToken);
        return new BoxplotArguments(
            await TablesAsync(job.Session, args, "variables", cancellationToken),
            BoxplotTransformationNames.Parse(args.Text("transformation", "identity")),
            await ScopeAsync(job.Session, args, cancellationToken));
    }

    public async Task<HistogramArguments> HistogramAsync(AnalysisJob job, CancellationToken cancellationToken)
    {
        var args = await ArgsAsync(job, cancellationToken);
        return new HistogramArguments(
            await TableAsync(job.Session, args, "data", cancellationToken),
            args.WholeNumber("num_bins", 10),
            args.Number("bw_factor", 1.0),
            await ScopeAsync(job.Session, args, cancellationToken));
    }

    public async Task<SurvivalArguments> SurvivalAsync(AnalysisJob job, CancellationToken cancellationToken)
    {
        var args = await ArgsAsync(job, cancellationToken);
        return new SurvivalArguments(
            await TableAsync(job.Session, args, "durations", cancellationToken),
            args.Has("event_observed") ? await TableAsync(job.Session, args, "event_observed", cancellationToken) : null,
            SurvivalEstimatorNames.Parse(args.Text("estimator", "KaplanMeier")),
            await ScopeAsync(job.Session, args, cancellationToken));
    }

    public async Task<PcaArguments> PcaAsync(AnalysisJob job, CancellationToken cancellationToken)
    {
        var args = await ArgsAsync(job, cancellationToken);
        return new PcaArguments(
            await TablesAsync(job.Session, args, "features", cancellationToken),
            args.Boolean("whiten", false),
            await ScopeAsync(job.Session, args, cancellationToken));
    }

    public async Task<HeatmapArguments> HeatmapAsync(AnalysisJob job, CancellationToken cancellationToken)
    {
        var args = await ArgsAsync(job, cancellationToken);
        return new HeatmapArguments(
            await TablesAsync(job.Session, args, "numerical_arrays", cancellationToken),
            args.Text("ranking_method", "mean")!,
            args.WholeNumber("max_rows", 100),
            await ScopeAsync(job.Session, args, cancellationToken),
            args.Text("rank_by", LimmaRankColumns.PValue)!);
    }

    public async Task<VolcanoArguments> VolcanoAsync(AnalysisJob job, CancellationToken cancellationToken)
    {
        var args = await ArgsAsync(job, cancellationToken);
        return new VolcanoArguments(
            await TablesAsync(job.Session, args, "numerical_arrays", cancellationToken),
            args.Text("ranking_method", "limma")!,
            await ScopeAsync(job.Session, args, cancellationToken));
    }

    public async Task<ClusterArguments> ClusterAsync(AnalysisJob job, CancellationToken cancellationToken)
    {
        var args = await ArgsAsync(job, cancellationToken);
        return ClusterArguments.FromDataset(
            InlineMatrix.TryRead(args, "data") ?? await TableAsync(job.Session, args, "data", cancellationToken),
            args.Text("cluster_algo")!,
            args.Options<ClusterOptions>("options"));
    }

    /// <summary>The job's arguments: read from their blob, or inline for jobs that carry them.</summary>
    public async Task<AnalysisArgs> ArgsAsync(AnalysisJob job, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(job);
        return AnalysisArgs.Parse(job.ArgsBlob is { } blob ? await _results.ReadJsonAsync(blob, cancellationToken) : job.Args ?? "{}");
    }

    private async Task ValidateClusterAsync(string session, AnalysisArgs args, CancellationToken cancellationToken)
    {
        if (InlineMatrix.TryRead(args, "data") is null)
        {
            var data = args.Dataset("data") ?? throw new AnalysisArgumentException("data", "data is required: a numerical_array dataset id or an inline matrix {row: {column: value}}.");
            await CheckDatasetAsync(session, "data", data.Id, [DataType.NumericalArray.ToName()], cancellationToken);
        }

        // Each algorithm's options are checked by the algorithm: k-means takes neither method nor metric, which
        // Fractal.js sends empty.
        if (args.Text("cluster_algo") == "hclust")
        {
            ClusterAnalysis.Linkage(args.Options<ClusterOptions>("options"));
        }
    }

    private async Task CheckDatasetAsync(string session, string argument, string dataId, IReadOnlyList<string> dataTypes, CancellationToken cancellationToken)
    {
        var record = await _datasets.GetAsync(session, dataId, cancellationToken)
            ?? throw new AnalysisArgumentException(argument, $"{argument}: this session has no dataset '{dataId}'.");
        if (record.EtlState != EtlState.Success)
        {
            throw new AnalysisArgumentException(argument, $"{argument}: dataset '{dataId}' is {record.EtlState}; only a dataset in state {EtlState.Success} can be analysed.");
        }

        if (dataTypes.Count > 0 && !dataTypes.Contains(record.DataTypeName, StringComparer.Ordinal))
        {
            throw new AnalysisArgumentException(argument, $"{argument} must be {string.Join(" or ", dataTypes)}; dataset '{dataId}' is {record.DataTypeName}.");
        }
    }

    private async Task<AnalysisScope> ScopeAsync(string session, AnalysisArgs args, CancellationToken cancellationToken) => new(
        args.Texts("id_filter"),
        args.TextLists("subsets"),
        await TablesAsync(session, args, "categories", cancellationToken));

    private async Task<IReadOnlyList<DatasetTable>> TablesAsync(string session, AnalysisArgs args, string argument, CancellationToken cancellationToken)
    {
        var references = args.Datasets(argument);
        var tables = new List<DatasetTable>(references.Count);
        for (var i = 0; i < references.Count; i++)
        {
            tables.Add(await ReadAsync(session, $"{argument}[{i}]", references[i], cancellationToken));
        }

        return tables;
    }

    private Task<DatasetTable> TableAsync(string session, AnalysisArgs args, string argument, CancellationToken cancellationToken) =>
        ReadAsync(session, argument, args.Dataset(argument) ?? throw new AnalysisArgumentException(argument, $"{argument} is required."), cancellationToken);

    private async Task<DatasetTable> ReadAsync(string session, string argument, DatasetReference reference, CancellationToken cancellationToken)
    {
        var table = await _datasets.ReadTableAsync(session, reference.Id, cancellationToken: cancellationToken)
            ?? throw new AnalysisArgumentException(argument, $"{argument}: dataset '{reference.Id}' has no data in this session.");
        return table.KeepOnly(reference.Keep);
    }
}
