using System.Globalization;
using Fractal.Etl.Handlers.Json;
using Fractal.Etl.Handlers.Tests.Support;

namespace Fractal.Etl.Handlers.Tests.Json;

[Collection(MemoryBoundTests.Name)]
public sealed class JsonStreamingTests
{
    private const long Size = 256L << 20;

    [Fact]
    public async Task Load_LargeArrayUpload_StreamsInBoundedMemory()
    {
        var note = new string('y', 1000);
        var generated = new GeneratedTextStream(
            Size, "[", n => string.Create(CultureInfo.InvariantCulture, $"{(n > 1 ? "," : string.Empty)}{{\"id\":\"r{n}\",\"lab\":{{\"value\":{n * 0.5}}},\"note\":\"{note}\"}}"), "]");
        var context = new EtlExtractContext(TestSettings.Create()) { OpenUpload = (_, _) => Task.FromResult<Stream>(generated) };
        var partition = new EtlPartition(Requests.Source("json", new { upload = "big.json" }), Requests.Numerical("$.lab.value"), 0, 1);

        var summary = await EtlPartitionLoader.LoadAsync(new JsonHandler(), partition, context, Stream.Null, CancellationToken.None);

        Assert.True(generated.BytesProduced >= Size);
        Assert.Equal(generated.Rows, summary.RowCount);
        Assert.True(generated.PeakLiveManagedBytes < 96L * 1024 * 1024, $"live managed heap peaked at {generated.PeakLiveManagedBytes / (1024 * 1024)} MB");
    }
}
