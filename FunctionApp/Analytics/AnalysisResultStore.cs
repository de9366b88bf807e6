using System.Text;
using System.Text.Json;
using Fractal.FunctionApp.Analytics.Charts;
using Fractal.FunctionApp.Storage;
using ScottPlot;

namespace Fractal.FunctionApp.Analytics;

/// <summary>
/// An analysis' blobs: <c>results/{instance}/result.json</c> and each chart as
/// <c>results/{instance}/{name}.svg</c> and <c>.png</c>. The output carries the result inline
/// unless it is over <see cref="InlineLimit"/> bytes.
/// </summary>
public sealed class AnalysisResultStore
{
    public const string Container = "results";
    public const int InlineLimit = 1_000_000;
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

        using var document = json.Length <= InlineLimit ? JsonDocument.Parse(json) : null;
        return new AnalysisOutput
        {
            TaskName = taskName,
            Result = document?.RootElement.Clone(),
            ResultUrl = ResultUrl(instanceId),
            ResultBytes = json.Length,
            Charts = links,
        };
    }

    /// <summary>Opens one of the analysis' blobs; null when there is none.</summary>
    public Task<Stream?> OpenAsync(string instanceId, string name, CancellationToken cancellationToken) =>
        _blobs.OpenReadAsync(Container, $"{instanceId}/{name}", cancellationToken);

    /// <summary>Deletes every blob of the analysis; returns how many.</summary>
    public async Task<int> DeleteAsync(string instanceId, CancellationToken cancellationToken)
    {
        var names = new List<string>();
        await foreach (var name in _blobs.ListAsync(Container, $"{instanceId}/", cancellationToken))
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
