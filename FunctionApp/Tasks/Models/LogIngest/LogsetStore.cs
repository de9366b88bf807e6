using System.Text.Json;
using System.Text.RegularExpressions;
using Fractal.Domain.Data;
using Fractal.Etl.Handlers;
using Fractal.FunctionApp.Storage;
using Fractal.FunctionApp.Tasks.Definitions;

namespace Fractal.FunctionApp.Tasks.Models.LogIngest;

/// <summary>
/// Log sets, the session-less datasets that tasks load and read: <c>logsets/{dataset}/manifest.json</c> beside one
/// long-form Parquet part per field and partition, <c>logsets/{dataset}/f{field}.part{n}.parquet</c>.
/// </summary>
public sealed partial class LogsetStore
{
    public const string Container = "logsets";

    private readonly IBlobStore _blobs;

    public LogsetStore(IBlobStore blobs)
    {
        _blobs = blobs;
    }

    /// <summary>Whether <paramref name="name"/> can name a log set (1–64 letters, digits, - or _).</summary>
    public static bool IsValidName(string? name) => name is not null && Name().IsMatch(name);

    /// <summary>Stores one part, read from <paramref name="content"/>.</summary>
    public Task SavePartAsync(string dataset, int field, int part, Stream content, CancellationToken cancellationToken) =>
        _blobs.UploadAsync(Container, PartName(dataset, field, part), content, "application/vnd.apache.parquet", cancellationToken);

    public async Task SaveManifestAsync(LogsetManifest manifest, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(manifest);
        using var content = new MemoryStream(JsonSerializer.SerializeToUtf8Bytes(manifest, TaskParameters.Json));
        await _blobs.UploadAsync(Container, $"{manifest.Dataset}/manifest.json", content, "application/json", cancellationToken);
    }

    /// <summary>The log set's manifest, or null when there is no such log set.</summary>
    public async Task<LogsetManifest?> GetManifestAsync(string dataset, CancellationToken cancellationToken)
    {
        if (!IsValidName(dataset))
        {
            return null;
        }

        var stored = await _blobs.ReadAllAsync(Container, $"{dataset}/manifest.json", cancellationToken);
        return stored is null ? null : JsonSerializer.Deserialize<LogsetManifest>(stored.Content, TaskParameters.Json);
    }

    /// <summary>Every row of one field, its parts read in order.</summary>
    public async Task<IReadOnlyList<DatasetTable>> ReadFieldAsync(string dataset, int field, int parts, CancellationToken cancellationToken)
    {
        var tables = new List<DatasetTable>();
        for (var part = 0; part < parts; part++)
        {
            await using var stream = await _blobs.OpenReadAsync(Container, PartName(dataset, field, part), cancellationToken)
                ?? throw new InvalidOperationException($"Part {part} of field {field} of the log set '{dataset}' is missing.");
            tables.Add(await ParquetDatasetReader.ReadAsync(stream, cancellationToken: cancellationToken));
        }

        return tables;
    }

    private static string PartName(string dataset, int field, int part) => $"{dataset}/f{field:D3}.part{part:D5}.parquet";

    [GeneratedRegex("^[A-Za-z0-9_-]{1,64}$")]
    private static partial Regex Name();
}
