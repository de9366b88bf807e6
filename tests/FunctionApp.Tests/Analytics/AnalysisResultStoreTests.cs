using System.Text;
using Fractal.FunctionApp.Analytics;
using Fractal.FunctionApp.Analytics.Charts;
using Fractal.FunctionApp.Storage;

namespace Fractal.FunctionApp.Tests.Analytics;

/// <summary>Where an analysis' output goes: inline under the limit, linked over it; charts as SVG and PNG.</summary>
public sealed class AnalysisResultStoreTests
{
    [Fact]
    public async Task Save_SmallResult_InlineWithNaNAsNamedLiteral()
    {
        var store = new AnalysisResultStore(new InMemoryBlobStore());

        var output = await store.SaveAsync("i1", "compute-x", new { coef = double.NaN, n = 1 }, [], CancellationToken.None);

        Assert.Equal("NaN", output.Result!.Value.GetProperty("coef").GetString());
        Assert.Equal("/api/analytics/i1/result", output.ResultUrl);
    }

    [Fact]
    public async Task Save_ResultOverTheLimit_OnlyLinked()
    {
        var blobs = new InMemoryBlobStore();
        var store = new AnalysisResultStore(blobs);
        var big = new { values = Enumerable.Range(0, AnalysisResultStore.InlineLimit / 4).Select(i => i * 1.5).ToArray() };

        var output = await store.SaveAsync("i2", "compute-x", big, [], CancellationToken.None);
        await using var stored = await blobs.OpenReadAsync(AnalysisResultStore.Container, "i2/result.json", CancellationToken.None);

        Assert.Null(output.Result);
        Assert.True(output.ResultBytes > AnalysisResultStore.InlineLimit);
        Assert.NotNull(stored);
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
