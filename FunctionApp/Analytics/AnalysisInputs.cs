using System.Text.Json;
using Fractal.Domain.Analyses;
using Fractal.Domain.Data;
using Fractal.FunctionApp.Data;

namespace Fractal.FunctionApp.Analytics;

/// <summary>
/// An analysis' inputs: checked against its schema and the session's dataset records before it starts, then read
/// from blobs (the arguments, the datasets they name, filtered as their references ask) by the analyses' definitions.
/// </summary>
public sealed class AnalysisInputs
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
    }

    /// <summary>The job's arguments: read from their blob, or inline for jobs that carry them.</summary>
    public async Task<AnalysisArgs> ArgsAsync(AnalysisJob job, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(job);
        return AnalysisArgs.Parse(job.ArgsBlob is { } blob ? await _results.ReadJsonAsync(blob, cancellationToken) : job.Args ?? "{}");
    }

    /// <summary>The dataset must be the session's, loaded (SUCCESS), and of one of <paramref name="dataTypes"/> (any when empty).</summary>
    /// <exception cref="AnalysisArgumentException">It is not, naming <paramref name="argument"/>.</exception>
    public async Task CheckDatasetAsync(string session, string argument, string dataId, IReadOnlyList<string> dataTypes, CancellationToken cancellationToken)
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

    /// <summary>The scope of the arguments <c>id_filter</c>, <c>subsets</c> and <c>categories</c> (datasets read).</summary>
    public async Task<AnalysisScope> ScopeAsync(string session, AnalysisArgs args, CancellationToken cancellationToken) => new(
        args.Texts("id_filter"),
        args.TextLists("subsets"),
        await TablesAsync(session, args, "categories", cancellationToken));

    /// <summary>The datasets of a list argument, read and filtered as their references ask.</summary>
    public async Task<IReadOnlyList<DatasetTable>> TablesAsync(string session, AnalysisArgs args, string argument, CancellationToken cancellationToken)
    {
        var references = args.Datasets(argument);
        var tables = new List<DatasetTable>(references.Count);
        for (var i = 0; i < references.Count; i++)
        {
            tables.Add(await ReadAsync(session, $"{argument}[{i}]", references[i], cancellationToken));
        }

        return tables;
    }

    /// <summary>The dataset of a required argument, read and filtered as its reference asks.</summary>
    /// <exception cref="AnalysisArgumentException">The argument is missing, or names no data of the session.</exception>
    public Task<DatasetTable> TableAsync(string session, AnalysisArgs args, string argument, CancellationToken cancellationToken) =>
        ReadAsync(session, argument, args.Dataset(argument) ?? throw new AnalysisArgumentException(argument, $"{argument} is required."), cancellationToken);

    /// <summary>The datasets of an argument that maps names to dataset references, by name (case-insensitive), in the order given.</summary>
    public async Task<IReadOnlyDictionary<string, DatasetTable>> TableMapAsync(string session, AnalysisArgs args, string argument, CancellationToken cancellationToken)
    {
        var tables = new Dictionary<string, DatasetTable>(StringComparer.OrdinalIgnoreCase);
        foreach (var (name, reference) in DatasetMap(args, argument))
        {
            tables.Add(name, await ReadAsync(session, $"{argument}.{name}", reference, cancellationToken));
        }

        return tables;
    }

    /// <summary>An object of names mapped to dataset references (an id, or <c>{"id", "filters"}</c>), in the order given.</summary>
    public static IReadOnlyList<(string Name, DatasetReference Reference)> DatasetMap(AnalysisArgs args, string argument)
    {
        ArgumentNullException.ThrowIfNull(args);
        return [.. args.Options<Dictionary<string, JsonElement>>(argument).Select(entry => (entry.Key, DatasetReference.Parse(entry.Value, $"{argument}.{entry.Key}")))];
    }

    /// <summary>Each dataset of a name → data id object must be the session's, SUCCESS, and of an accepted type; named <c>{argument}.{name}</c>.</summary>
    private async Task CheckDatasetMapAsync(string session, AnalysisParameter parameter, AnalysisArgs args, CancellationToken cancellationToken)
    {
        foreach (var (name, reference) in DatasetMap(args, parameter.Name))
        {
            await CheckDatasetAsync(session, $"{parameter.Name}.{name}", reference.Id, parameter.DataTypes, cancellationToken);
        }
    }

    private async Task<DatasetTable> ReadAsync(string session, string argument, DatasetReference reference, CancellationToken cancellationToken)
    {
        var table = await _datasets.ReadTableAsync(session, reference.Id, cancellationToken: cancellationToken)
            ?? throw new AnalysisArgumentException(argument, $"{argument}: dataset '{reference.Id}' has no data in this session.");
        return table.KeepOnly(reference.Keep);
    }
}
