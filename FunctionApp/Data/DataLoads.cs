using Fractal.Domain.Data;
using Fractal.Etl.Handlers;
using Fractal.FunctionApp.Orchestrations;
using Fractal.FunctionApp.Web;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.Options;

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
    private readonly EtlSettings _settings;
    private readonly FanOutSettings _fanOut;
    private readonly UploadStore _uploads;

    public DataLoads(DatasetRepository datasets, EtlHandlerRegistry registry, SecretSealer sealer, TimeProvider time, IOptions<EtlSettings> settings, IOptions<FanOutSettings> fanOut, UploadStore uploads)
    {
        _uploads = uploads;
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(fanOut);
        _fanOut = fanOut.Value;
        _datasets = datasets;
        _registry = registry;
        _settings = settings.Value;
        _sealer = sealer;
        _time = time;
    }

    /// <summary>
    /// Validates <paramref name="etl"/>, then records its datasets in the session <paramref name="session"/> gives
    /// (asked only once the request is valid, so an invalid one creates no session) and starts loading them.
    /// </summary>
    /// <returns>The ETL orchestration's instance id and the new datasets' ids, in descriptor order.</returns>
    /// <exception cref="HttpProblemException">
    /// 413 naming <c>descriptors</c> when there are more than <see cref="EtlSettings.MaxDescriptors"/>, else 400 naming the
    /// first bad field; nothing is recorded.
    /// </exception>
    public async Task<(string InstanceId, IReadOnlyList<string> DataIds)> StartAsync(
        EtlRequest etl, Func<string> session, DurableTaskClient client, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(etl);
        ArgumentNullException.ThrowIfNull(session);
        ArgumentNullException.ThrowIfNull(client);
        if (etl.Descriptors is { } descriptors && descriptors.Count > _settings.MaxDescriptors)
        {
            throw new HttpProblemException(
                StatusCodes.Status413PayloadTooLarge,
                $"descriptors: {descriptors.Count} descriptors were sent; one load takes at most {_settings.MaxDescriptors} ({EtlSettings.MaxDescriptorsSetting}).",
                "descriptors");
        }

        var errors = _registry.Validate(etl);
        if (errors.Count > 0)
        {
            throw HttpProblemException.BadRequest(errors[0].Field, string.Join(" ", errors.Select(e => $"{e.Field}: {e.Message}")));
        }

        var sessionId = session();
        var now = _time.GetUtcNow();
        var instanceId = Guid.NewGuid().ToString("N");
        var datasets = etl.Descriptors!.Select(d => new EtlJobDataset(Guid.NewGuid().ToString("N"), d)).ToList();
        foreach (var dataset in datasets)
        {
            await _datasets.SaveAsync(sessionId, new DatasetRecord
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

        // Inline text travels as an upload blob: the orchestration's input and history carry only its name.
        var (source, inlineText) = etl.ToSource().MoveInlineTextToUpload(instanceId);
        if (inlineText is not null)
        {
            await _uploads.SaveAsync(sessionId, instanceId, inlineText, cancellationToken);
        }

        var job = new EtlJob(sessionId, source, datasets, _sealer.Seal(etl.Auth?.Token), _fanOut.MaxParallel, inlineText is null ? null : instanceId);
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
        var dataIds = new List<string>();
        await foreach (var dataId in _datasets.ListIdsAsync(session, cancellationToken))
        {
            dataIds.Add(dataId);
        }

        var deleted = 0;
        foreach (var dataId in dataIds)
        {
            deleted += await _datasets.DeleteAsync(session, dataId, cancellationToken) ? 1 : 0;
        }

        return deleted;
    }
}
