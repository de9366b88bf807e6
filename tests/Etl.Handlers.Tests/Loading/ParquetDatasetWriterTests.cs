using Fractal.Domain.Data;
using Fractal.Etl.Handlers.Tests.Support;

namespace Fractal.Etl.Handlers.Tests.Loading;

public sealed class ParquetDatasetWriterTests
{
    private static DatasetTable Numbers(params double[] values) => DatasetTable.FromNumbers(
        DataType.Numerical,
        [.. values.Select((_, i) => $"s{i}")],
        [.. values.Select(_ => "age")],
        values);

    private static async Task<byte[]> WriteAsync(EtlSettings settings, Stream? wrapper = null, params DatasetTable[] batches)
    {
        using var buffer = new MemoryStream();
        var output = wrapper ?? buffer;
        await using var writer = await ParquetDatasetWriter.CreateAsync(output, batches[0].DataType, settings, CancellationToken.None);
        foreach (var batch in batches)
        {
            await writer.WriteAsync(batch, CancellationToken.None);
        }

        await writer.CompleteAsync();
        return buffer.ToArray();
    }

    [Fact]
    public async Task Write_NumbersWithMissing_ReadBackWithNaN()
    {
        var bytes = await WriteAsync(TestSettings.Create(), null, Numbers(1.5, double.NaN, -3));

        var table = await ParquetDatasetReader.ReadAsync(new MemoryStream(bytes));

        Assert.Equal(DataType.Numerical, table.DataType);
        Assert.Equal(["s0", "s1", "s2"], table.Ids);
        Assert.Equal([1.5, double.NaN, -3], table.Numbers);
    }

    [Fact]
    public async Task Write_Labels_ReadBackWithNull()
    {
        var batch = DatasetTable.FromLabels(["a", "b"], ["sex", "sex"], ["female", null]);
        var bytes = await WriteAsync(TestSettings.Create(), null, batch);

        var table = await ParquetDatasetReader.ReadAsync(new MemoryStream(bytes));

        Assert.Equal(["female", null], table.Labels);
    }

    [Fact]
    public async Task Read_OffsetAndLimit_SpanRowGroups()
    {
        var bytes = await WriteAsync(TestSettings.Create(), null, Numbers(0, 1, 2), Numbers(3, 4, 5));

        var table = await ParquetDatasetReader.ReadAsync(new MemoryStream(bytes), offset: 2, limit: 3);

        Assert.Equal([2.0, 3, 4], table.Numbers);
    }

    [Fact]
    public async Task Write_MoreRowsThanAllowed_FailsWithLimit()
    {
        var settings = TestSettings.Create(extra: new Dictionary<string, string> { [EtlSettings.MaxRowsSetting] = "4" });

        var error = await Assert.ThrowsAsync<DatasetLimitExceededException>(() => WriteAsync(settings, null, Numbers(1, 2, 3), Numbers(4, 5)));

        Assert.Contains("4 rows", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Write_MoreBytesThanAllowed_FailsWithLimit()
    {
        var settings = TestSettings.Create(extra: new Dictionary<string, string> { [EtlSettings.MaxBytesSetting] = "200" });

        var error = await Assert.ThrowsAsync<DatasetLimitExceededException>(() => WriteAsync(settings, null, Numbers([.. Enumerable.Range(0, 1000).Select(i => (double)i)])));

        Assert.Contains("200 bytes", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Write_NonSeekableOutput_WritesAReadableFile()
    {
        using var target = new MemoryStream();
        await using var forwardOnly = new ForwardOnlyStream(target);

        await WriteAsync(TestSettings.Create(), forwardOnly, Numbers(7, 8));
        var table = await ParquetDatasetReader.ReadAsync(new MemoryStream(target.ToArray()));

        Assert.Equal([7.0, 8], table.Numbers);
    }

    [Fact]
    public async Task Combine_Parts_KeepsPartOrderAndCountsEveryRow()
    {
        var parts = new[]
        {
            await WriteAsync(TestSettings.Create(), null, Numbers(1, 2)),
            await WriteAsync(TestSettings.Create(), null, Numbers(3)),
        };
        using var output = new MemoryStream();

        var summary = await ParquetDatasetCombiner.CombineAsync(
            parts.Length, (i, _) => Task.FromResult<Stream>(new MemoryStream(parts[i])), output, DataType.Numerical, TestSettings.Create(), CancellationToken.None);
        var table = await ParquetDatasetReader.ReadAsync(new MemoryStream(output.ToArray()));

        Assert.Equal(3, summary.RowCount);
        Assert.Equal(["age"], summary.Features);
        Assert.Equal([1.0, 2, 3], table.Numbers);
    }
}
