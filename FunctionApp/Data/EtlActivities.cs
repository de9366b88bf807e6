using Fractal.Etl.Handlers;
using Fractal.FunctionApp.Storage;
using Microsoft.Extensions.Options;

namespace Fractal.FunctionApp.Data;

/// <summary>
/// The ETL activities. Each reads the dataset's record, does its step, and keeps the record's state
/// current; data goes to <c>datasets/{session}/{data_id}.part{n}.parquet</c>, then to
/// <c>datasets/{session}/{data_id}.parquet</c>. Tokens are opened from their sealed form only here, and the connection
/// strings a request names by setting (postgres' <c>options.connection</c>) are read from the app settings only here.
/// </summary>
public sealed class EtlActivities
{
    private readonly DatasetRepository _datasets;
    private readonly IBlobStore _blobs;
    private readonly EtlHandlerRegistry _registry;
    private readonly EtlSettings _settings;
    private readonly HttpClient _http;
    private readonly SecretSealer _sealer;
    private readonly UploadStore _uploads;
    private readonly IConfiguration _configuration;

    public EtlActivities(DatasetRepository datasets, IBlobStore blobs, EtlHandlerRegistry registry, IOptions<EtlSettings> settings, EtlHttpClient http, SecretSealer sealer, UploadStore uploads, IConfiguration configuration)
    {
        _uploads = uploads;
        _datasets = datasets;
        _blobs = blobs;
        _registry = registry;
        ArgumentNullException.ThrowIfNull(settings);
        _settings = settings.Value;
        _configuration = configuration;
        _http = http.Client;
        _sealer = sealer;
    }

    [Function(nameof(PlanDataset))]
    public async Task<EtlStepResult> PlanDataset([ActivityTrigger] EtlWork work, CancellationToken cancellationToken)
    {
        if (await _datasets.UpdateAsync(work.Session, work.DataId, record => record with { EtlState = EtlState.Running }, cancellationToken) is null)
        {
            return EtlStepResult.Failed("The dataset was deleted before it was loaded.");
        }

        return await GuardAsync(async () =>
        {
            var partitions = await _registry.PlanAsync(work.Source, work.Dataset.Descriptor, Context(work), cancellationToken);
            return new EtlStepResult { Partitions = partitions };
        });
    }

    [Function(nameof(ExtractPartition))]
    public Task<EtlStepResult> ExtractPartition([ActivityTrigger] EtlWork work, CancellationToken cancellationToken) =>
        GuardAsync(async () =>
        {
            var handler = _registry.Get(work.Source.Handler);
            var partition = work.Partition ?? throw new InvalidOperationException("No partition to extract.");
            var path = Path.GetTempFileName();
            try
            {
                DatasetPartSummary summary;
                await using (var output = File.Create(path))
                {
                    summary = await EtlPartitionLoader.LoadAsync(handler, partition, Context(work), output, cancellationToken);
                }

                await using var input = File.OpenRead(path);
                await _blobs.UploadAsync(DatasetRepository.Container, PartName(work, partition.Index), input, "application/vnd.apache.parquet", cancellationToken);
                return new EtlStepResult { Part = summary };
            }
            finally
            {
                File.Delete(path);
            }
        });

    [Function(nameof(CombineParts))]
    public async Task<EtlStepResult> CombineParts([ActivityTrigger] EtlWork work, CancellationToken cancellationToken)
    {
        var parts = work.Parts ?? [];
        var result = await GuardAsync(async () =>
        {
            var path = Path.GetTempFileName();
            try
            {
                DatasetPartSummary summary;
                await using (var output = File.Create(path))
                {
                    summary = await ParquetDatasetCombiner.CombineAsync(
                        parts.Count,
                        async (index, ct) => await _blobs.OpenReadAsync(DatasetRepository.Container, PartName(work, index), ct)
                            ?? throw new InvalidOperationException($"Part {index} of dataset {work.DataId} is missing."),
                        output,
                        work.Dataset.Descriptor.DataType,
                        _settings,
                        cancellationToken);
                }

                await using var input = File.OpenRead(path);
                await _blobs.UploadAsync(DatasetRepository.Container, DatasetRepository.ParquetName(work.Session, work.DataId), input, "application/vnd.apache.parquet", cancellationToken);
                return new EtlStepResult { Part = summary };
            }
            finally
            {
                File.Delete(path);
            }
        });

        await DeletePartsAsync(work, parts.Count, cancellationToken);
        if (result.Part is { } combined)
        {
            var saved = await _datasets.UpdateAsync(work.Session, work.DataId, record => record with
            {
                EtlState = EtlState.Success,
                EtlMessage = null,
                RowCount = combined.RowCount,
                Features = combined.Features,
            }, cancellationToken);
            if (saved is null)
            {
                // Deleted while it loaded: its data must not outlive it.
                await _blobs.DeleteAsync(DatasetRepository.Container, DatasetRepository.ParquetName(work.Session, work.DataId), cancellationToken);
            }
        }

        return result;
    }

    [Function(nameof(FailDataset))]
    public async Task FailDataset([ActivityTrigger] EtlFailure failure, CancellationToken cancellationToken)
    {
        var work = failure.Work;
        await _blobs.DeleteAsync(DatasetRepository.Container, DatasetRepository.ParquetName(work.Session, work.DataId), cancellationToken);
        await foreach (var name in _blobs.ListAsync(DatasetRepository.Container, $"{work.Session}/{work.DataId}.part", cancellationToken))
        {
            await _blobs.DeleteAsync(DatasetRepository.Container, name, cancellationToken);
        }

        await _datasets.UpdateAsync(
            work.Session, work.DataId, record => record with { EtlState = EtlState.Failure, EtlMessage = failure.Message, RowCount = 0, Features = [] }, cancellationToken);
    }

    [Function(nameof(DeleteUpload))]
    public async Task DeleteUpload([ActivityTrigger] EtlUpload upload, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(upload);
        await _uploads.DeleteAsync(upload.Session, upload.Upload, cancellationToken);
    }

    private static string PartName(EtlWork work, int index) => $"{work.Session}/{work.DataId}.part{index:D5}.parquet";

    private async Task DeletePartsAsync(EtlWork work, int count, CancellationToken cancellationToken)
    {
        for (var index = 0; index < count; index++)
        {
            await _blobs.DeleteAsync(DatasetRepository.Container, PartName(work, index), cancellationToken);
        }
    }

    private EtlExtractContext Context(EtlWork work) => new(_settings)
    {
        HttpClient = _http,
        Token = _sealer.Open(work.SealedToken),
        ReadSetting = name => _configuration[name],
        OpenUpload = async (upload, cancellationToken) => await _uploads.OpenAsync(work.Session, upload, cancellationToken)
            ?? throw new SourceFailedException($"this session has no upload '{upload}'"),
    };

    /// <summary>Failures that a retry cannot mend become the dataset's message; transient ones are thrown for the retry policy.</summary>
    private static async Task<EtlStepResult> GuardAsync(Func<Task<EtlStepResult>> step)
    {
        try
        {
            return await step();
        }
        catch (EtlException ex) when (!ex.IsTransient)
        {
            return EtlStepResult.Failed(ex.Message);
        }
    }
}
