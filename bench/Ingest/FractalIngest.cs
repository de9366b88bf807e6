using System.Diagnostics;
using System.Text.Json;
using Fractal.Domain.Data;
using Fractal.Etl.Handlers;
using Fractal.Etl.Handlers.Csv;

namespace Fractal.Bench.Ingest;

/// <summary>The csv handler on the file as an upload: columns a-d as one numerical_array, to long-form Parquet.</summary>
internal static class FractalIngest
{
    public static async Task<BenchResult> RunAsync(string csvPath, string outputPath)
    {
        var settings = new EtlSettings { Handlers = CsvHandler.HandlerName };
        var context = new EtlExtractContext(settings)
        {
            OpenUpload = (_, _) => Task.FromResult<Stream>(new FileStream(csvPath, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, FileOptions.SequentialScan)),
        };
        var source = new EtlSource(CsvHandler.HandlerName, null, JsonSerializer.SerializeToElement(new { upload = "bench" }));
        var descriptor = new Descriptor { Fields = ["a", "b", "c", "d"], DataTypeName = "numerical_array" };
        var partition = new EtlPartition(source, descriptor, 0, 1);

        using var sampler = new MemorySampler();
        var clock = Stopwatch.StartNew();
        DatasetPartSummary summary;
        await using (var output = new FileStream(outputPath, FileMode.Create, FileAccess.Write, FileShare.None, 1 << 20))
        {
            summary = await EtlPartitionLoader.LoadAsync(new CsvHandler(), partition, context, output, CancellationToken.None);
        }

        clock.Stop();
        return new BenchResult("fractal", summary.RowCount / 4, summary.RowCount, clock.Elapsed, sampler.PeakManagedBytes, Process.GetCurrentProcess().PeakWorkingSet64, new FileInfo(outputPath).Length);
    }
}
