using System.Globalization;

namespace Fractal.Bench.Ingest;

internal sealed record BenchResult(string Tool, long CsvRows, long ParquetRows, TimeSpan Elapsed, long PeakManagedBytes, long PeakWorkingSetBytes, long ParquetBytes)
{
    public const string Header = "tool      csv rows/s   long rows/s   seconds   peak managed MB   peak working set MB   parquet MB   long rows";

    public string ToLine() => string.Create(
        CultureInfo.InvariantCulture,
        $"{Tool,-8} {CsvRows / Elapsed.TotalSeconds,12:N0} {ParquetRows / Elapsed.TotalSeconds,13:N0} {Elapsed.TotalSeconds,9:F1} {PeakManagedBytes / 1e6,17:F0} {PeakWorkingSetBytes / 1e6,21:F0} {ParquetBytes / 1e6,12:F1} {ParquetRows,11:N0}");
}
