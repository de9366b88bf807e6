using Fractal.Domain.Data;
using Fractal.Durable.Client;
using Fractal.Durable.Functions;
using Fractal.Etl.Handlers;

namespace Fractal.FunctionApp.Data;

/// <summary>
/// Starts and removes a session's datasets, for every API that loads data: a request is validated,
/// each descriptor recorded as a SUBMITTED dataset, and one ETL orchestration started for them all.
/// </summary>
public sealed class DataLoads
{
    private readonly DatasetRepository _datasets;
    private readonly EtlHandlerRegistry _registry;
    private readonly SecretSealer _sealer;
    private readonly TimeProvider _time;

    public DataLoads(DatasetRepository datasets, EtlHandlerRegistry registry, SecretSealer sealer, TimeProvider time)
    {
        _datasets = datasets;
        _registry = registry;
        _sealer = sealer;
        _time = time;
    }

    /// <summary>Checks <paramref name="etl"/> against its handler.</summary>
    /// <exception cref="HttpProblemException">400 naming the first bad field.</exception>
    public void Validate(EtlRequest etl)
    {
        ArgumentNullException.ThrowIfNull(etl);
        var errors = _registry.Validate(etl);
        if (errors.Count > 0)
        {
            throw HttpProblemException.BadRequest(errors[0].Field, string.Join(" ", errors.Select(e => $"{e.Field}: {e.Message}")));
        }
    }

    /// <summary>Validates <paramref name="etl"/>, records its datasets and starts loading them; nothing is recorded when it is invalid.</summary>
    /// <returns>The ETL orchestration's instance id and the new datasets' ids, in descriptor order.</returns>
    /// <exception cref="HttpProblemException">400 naming the first bad field.</exception>
    public async Task<(string InstanceId, IReadOnlyList<string> DataIds)> StartAsync(
        string session, EtlRequest etl, DurableTaskClient client, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(client);
        Validate(etl);
        var now = _time.GetUtcNow();
        var instanceId = Guid.NewGuid().ToString("N");
        var datasets = etl.Descriptors!.Select(d => new EtlJobDataset(Guid.NewGuid().ToString("N"), d)).ToList();
        foreach (var dataset in datasets)
        {
            await _datasets.SaveAsync(session, new DatasetRecord
            {
                DataId = dataset.DataId,
                Label = dataset.Descriptor.DisplayLabel,
                DataTypeName = dataset.Descriptor.DataType.ToName(),
                Handler = etl.Handler!,
                Descriptor = dataset.Descriptor,
                Created = now,
                InstanceId = instanceId,
            }, cancellationToken);
        }

        var job = new EtlJob(session, etl.ToSource(), datasets, _sealer.Seal(etl.Auth?.Token));
        await client.ScheduleNewOrchestrationInstanceAsync(EtlOrchestration.Name, job, new StartOrchestrationOptions(instanceId), cancellationToken);
        return (instanceId, [.. datasets.Select(d => d.DataId)]);
    }

    /// <summary>The session's datasets, oldest first.</summary>
    public async Task<IReadOnlyList<DatasetRecord>> ListAsync(string session, CancellationToken cancellationToken)
    {
        var records = new List<DatasetRecord>();
        await foreach (var record in _datasets.ListAsync(session, cancellationToken))
        {
            records.Add(record);
        }

        return [.. records.OrderBy(r => r.Created).ThenBy(r => r.DataId, StringComparer.Ordinal)];
    }

    /// <summary>Deletes every dataset of the session; returns how many.</summary>
    public async Task<int> DeleteAllAsync(string session, CancellationToken cancellationToken)
    {
        var deleted = 0;
        foreach (var record in await ListAsync(session, cancellationToken))
        {
            deleted += await _datasets.DeleteAsync(session, record.DataId, cancellationToken) ? 1 : 0;
        }

        return deleted;
    }
}
