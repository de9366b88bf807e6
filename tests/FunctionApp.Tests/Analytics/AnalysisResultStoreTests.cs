using System.Text;
using Fractal.FunctionApp.Analytics;
using Fractal.FunctionApp.Analytics.Charts;
using Fractal.FunctionApp.Storage;

namespace Fractal.FunctionApp.Tests.Analytics;

/// <summary>Where an analysis' output goes: the result and charts (SVG and PNG) to blobs, which the output links.</summary>
public sealed class AnalysisResultStoreTests
{
    [Fact]
    public async Task Save_Result_StoredWithNaNAsNamedLiteralAndOnlyLinked()
    {
        var blobs = new InMemoryBlobStore();
        var store = new AnalysisResultStore(blobs);

        var output = await store.SaveAsync("i1", "compute-x", new { coef = double.NaN, n = 1 }, [], CancellationToken.None);
        var stored = await blobs.ReadAllAsync(AnalysisResultStore.Container, "i1/result.json", CancellationToken.None);

        Assert.Equal("/api/analytics/i1/result", output.ResultUrl);
        Assert.Equal(stored!.Content.Length, output.ResultBytes);
        Assert.Contains("\"coef\":\"NaN\"", Encoding.UTF8.GetString(stored.Content), StringComparison.Ordinal);
        Assert.DoesNotContain("NaN", System.Text.Json.JsonSerializer.Serialize(output), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Save_Chart_WritesSvgAndPngAndLinksBoth()
    {
        var blobs = new InMemoryBlobStore();
        var store = new AnalysisResultStore(blobs);
        var plot = new ScottPlot.Plot();
        plot.Add.Scatter(new double[] { 1, 2 }, new double[] { 3, 4 });

        var output = await store.SaveAsync("i3", "compute-x", new { }, [new NamedPlot("scatter", plot)], CancellationToken.None);
        await using var svg = await blobs.OpenReadAsync(AnalysisResultStore.Container, "i3/scatter.svg", CancellationToken.None);
        await using var png = await blobs.OpenReadAsync(AnalysisResultStore.Container, "i3/scatter.png", CancellationToken.None);
        using var reader = new StreamReader(svg!, Encoding.UTF8);

        var chart = Assert.Single(output.Charts);
        Assert.Equal("/api/analytics/i3/charts/scatter.svg", chart.Url);
        Assert.Equal("/api/analytics/i3/charts/scatter.png", chart.PngUrl);
        Assert.Contains("<svg", await reader.ReadToEndAsync(), StringComparison.Ordinal);
        Assert.Equal(0x89, png!.ReadByte());
    }

    [Fact]
    public async Task Delete_RemovesEveryBlobOfTheInstanceOnly()
    {
        var blobs = new InMemoryBlobStore();
        var store = new AnalysisResultStore(blobs);
        await store.SaveAsync("keep", "compute-x", new { }, [], CancellationToken.None);
        await store.SaveAsync("drop", "compute-x", new { }, [], CancellationToken.None);

        var deleted = await store.DeleteAsync("drop", CancellationToken.None);
        await using var kept = await blobs.OpenReadAsync(AnalysisResultStore.Container, "keep/result.json", CancellationToken.None);

        Assert.Equal(1, deleted);
        Assert.NotNull(kept);
    }
}
