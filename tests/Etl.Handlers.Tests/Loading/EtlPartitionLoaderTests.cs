using Fractal.Etl.Handlers.Csv;
using Fractal.Etl.Handlers.Tests.Support;

namespace Fractal.Etl.Handlers.Tests.Loading;

public sealed class EtlPartitionLoaderTests
{
    [Fact]
    public async Task Load_SourceOverTheRowLimit_FailsWithTheReason()
    {
        var settings = TestSettings.Create(extra: new Dictionary<string, string> { [EtlSettings.MaxRowsSetting] = "100" });
        var csv = "id,age\n" + string.Concat(Enumerable.Range(0, 101).Select(i => $"s{i},{i}\n"));
        var partition = new EtlPartition(Requests.Source("csv", new { data = csv }), Requests.Numerical("age"), 0, 1);

        var error = await Assert.ThrowsAsync<DatasetLimitExceededException>(
            () => EtlPartitionLoader.LoadAsync(new CsvHandler(), partition, new EtlExtractContext(settings), Stream.Null, CancellationToken.None));

        Assert.Equal("the dataset has more than the 100 rows allowed", error.Message);
    }

    [Fact]
    public async Task Load_SourceAtTheRowLimit_Succeeds()
    {
        var settings = TestSettings.Create(extra: new Dictionary<string, string> { [EtlSettings.MaxRowsSetting] = "100" });
        var csv = "id,age\n" + string.Concat(Enumerable.Range(0, 100).Select(i => $"s{i},{i}\n"));
        var partition = new EtlPartition(Requests.Source("csv", new { data = csv }), Requests.Numerical("age"), 0, 1);

        var summary = await EtlPartitionLoader.LoadAsync(new CsvHandler(), partition, new EtlExtractContext(settings), Stream.Null, CancellationToken.None);

        Assert.Equal(100, summary.RowCount);
    }

    [Fact]
    public async Task Combine_PartsOverTheRowLimitTogether_FailsWithTheReason()
    {
        var loose = TestSettings.Create();
        var tight = TestSettings.Create(extra: new Dictionary<string, string> { [EtlSettings.MaxRowsSetting] = "3" });
        var parts = new List<byte[]>();
        foreach (var csv in new[] { "id,age\na,1\nb,2\n", "id,age\nc,3\nd,4\n" })
        {
            using var part = new MemoryStream();
            var partition = new EtlPartition(Requests.Source("csv", new { data = csv }), Requests.Numerical("age"), 0, 1);
            await EtlPartitionLoader.LoadAsync(new CsvHandler(), partition, new EtlExtractContext(loose), part, CancellationToken.None);
            parts.Add(part.ToArray());
        }

        await Assert.ThrowsAsync<DatasetLimitExceededException>(() => ParquetDatasetCombiner.CombineAsync(
            parts.Count, (i, _) => Task.FromResult<Stream>(new MemoryStream(parts[i])), Stream.Null, Domain.Data.DataType.Numerical, tight, CancellationToken.None));
    }
}
