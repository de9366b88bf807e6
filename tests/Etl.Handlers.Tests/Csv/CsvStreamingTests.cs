using Fractal.Etl.Handlers.Csv;
using Fractal.Etl.Handlers.Tests.Support;

namespace Fractal.Etl.Handlers.Tests.Csv;

[Collection(MemoryBoundTests.Name)]
public sealed class CsvStreamingTests
{
    private const long Gigabyte = 1L << 30;

    [Fact]
    public async Task Load_GigabyteUpload_StreamsInBoundedMemory()
    {
        var generated = GeneratedTextStream.Csv(Gigabyte, noteLength: 2000);
        var context = new EtlExtractContext(TestSettings.Create()) { OpenUpload = (_, _) => Task.FromResult<Stream>(generated) };
        var partition = new EtlPartition(Requests.Source("csv", new { upload = "big.csv" }), Requests.Numerical("value"), 0, 1);

        var summary = await EtlPartitionLoader.LoadAsync(new CsvHandler(), partition, context, Stream.Null, CancellationToken.None);

        Assert.True(generated.BytesProduced >= Gigabyte);
        Assert.Equal(generated.Rows, summary.RowCount);
        Assert.True(generated.PeakLiveManagedBytes < 96L * 1024 * 1024, $"live managed heap peaked at {generated.PeakLiveManagedBytes / (1024 * 1024)} MB");
    }
}
