using System.Text;
using System.Text.Json;
using Fractal.FunctionApp.Analytics.Charts;
using Fractal.FunctionApp.Storage;
using ScottPlot;

namespace Fractal.FunctionApp.Analytics;

/// <summary>
/// An analysis' blobs: <c>results/{instance}/result.json</c> and each chart as
/// <c>results/{instance}/{name}.svg</c> and <c>.png</c>; while it runs, its arguments
/// (<c>results/{instance}/request/args.json</c>) and its groups' inputs (<c>results/{instance}/groups/…</c>), which
/// orchestration inputs and histories name instead of carrying. The output links to the result; it never carries it.
/// </summary>
public sealed class AnalysisResultStore
{
    public const string Container = "results";
    public const string ResultName = "result.json";
    private readonly IBlobStore _blobs;

    public AnalysisResultStore(IBlobStore blobs)
    {
        _blobs = blobs;
    }

    public static string ResultUrl(string instanceId) => $"/api/analytics/{instanceId}/result";

    public static string ChartUrl(string instanceId, string file) => $"/api/analytics/{instanceId}/charts/{file}";

    public async Task<AnalysisOutput> SaveAsync(string instanceId, string taskName, object result, IReadOnlyList<NamedPlot> charts, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(result);
        ArgumentNullException.ThrowIfNull(charts);
        var json = JsonSerializer.SerializeToUtf8Bytes(result, result.GetType(), AnalyticsJson.Options);
        using (var content = new MemoryStream(json))
        {
            await _blobs.UploadAsync(Container, $"{instanceId}/{ResultName}", content, "application/json", cancellationToken);
        }

        var links = new List<ChartLink>(charts.Count);
        foreach (var chart in charts)
        {
            var svg = Encoding.UTF8.GetBytes(chart.Plot.GetSvgXml(ChartStyle.Width, ChartStyle.Height));
            var png = chart.Plot.GetImageBytes(ChartStyle.Width, ChartStyle.Height, ImageFormat.Png);
            using (var content = new MemoryStream(svg))
            {
                await _blobs.UploadAsync(Container, $"{instanceId}/{chart.Name}.svg", content, "image/svg+xml", cancellationToken);
            }

            using (var content = new MemoryStream(png))
            {
                await _blobs.UploadAsync(Container, $"{instanceId}/{chart.Name}.png", content, "image/png", cancellationToken);
            }

            links.Add(new ChartLink(chart.Name, ChartUrl(instanceId, chart.Name + ".svg"), ChartUrl(instanceId, chart.Name + ".png")));
        }

        return new AnalysisOutput
        {
            TaskName = taskName,
            ResultUrl = ResultUrl(instanceId),
            ResultBytes = json.Length,
            Charts = links,
        };
    }

    public const string ArgsName = "request/args.json";

    /// <summary>Writes JSON text as the analysis' blob <paramref name="name"/>; returns its name in the container.</summary>
    public async Task<string> SaveJsonAsync(string instanceId, string name, string json, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(json);
        var blob = $"{instanceId}/{name}";
        using var content = new MemoryStream(Encoding.UTF8.GetBytes(json), writable: false);
        await _blobs.UploadAsync(Container, blob, content, "application/json", cancellationToken);
        return blob;
    }

    /// <summary>Reads the JSON text of a blob that <see cref="SaveJsonAsync"/> named.</summary>
    /// <exception cref="InvalidOperationException">The blob is gone (the analysis was deleted).</exception>
    public async Task<string> ReadJsonAsync(string blob, CancellationToken cancellationToken)
    {
        var stored = await _blobs.ReadAllAsync(Container, blob, cancellationToken)
            ?? throw new InvalidOperationException($"The analysis' input '{blob}' is gone; the analysis was deleted.");
        return Encoding.UTF8.GetString(stored.Content);
    }

    /// <summary>Opens one of the analysis' blobs; null when there is none.</summary>
    public Task<Stream?> OpenAsync(string instanceId, string name, CancellationToken cancellationToken) =>
        _blobs.OpenReadAsync(Container, $"{instanceId}/{name}", cancellationToken);

    /// <summary>Deletes every blob of the analysis, or those under <paramref name="folder"/>; returns how many.</summary>
    public async Task<int> DeleteAsync(string instanceId, CancellationToken cancellationToken, string? folder = null)
    {
        var names = new List<string>();
        await foreach (var name in _blobs.ListAsync(Container, $"{instanceId}/{folder}", cancellationToken))
        {
            names.Add(name);
        }

        var deleted = 0;
        foreach (var name in names)
        {
            deleted += await _blobs.DeleteAsync(Container, name, cancellationToken) ? 1 : 0;
        }

        return deleted;
    }
}
