using System.Diagnostics;
using System.Globalization;
using Fractal.Bench.Ingest;

// Ingest harness: a generated CSV (N rows x 5 columns: id and four numbers) to long-form Parquet,
// by Fractal's csv handler in this process and by DuckDB (through DuckDB.NET) in a child process,
// each with its rows per second and peak memory.
//   dotnet run -c Release --project bench/Ingest -- [--rows 10000000] [--dir /tmp] [--keep]
var options = BenchOptions.Parse(args);
if (options.Only is { } only)
{
    var result = only == "duckdb" ? await DuckDbIngest.RunAsync(options.CsvPath!, options.OutputPath!) : await FractalIngest.RunAsync(options.CsvPath!, options.OutputPath!);
    Console.WriteLine(result.ToLine());
    return 0;
}

Directory.CreateDirectory(options.Directory);
var csv = Path.Combine(options.Directory, $"ingest-{options.Rows}.csv");
var clock = Stopwatch.StartNew();
var bytes = CsvGenerator.Write(csv, options.Rows);
Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"generated {options.Rows:N0} rows x 5 columns, {bytes / 1e6:F1} MB, in {clock.Elapsed.TotalSeconds:F1} s: {csv}"));
Console.WriteLine(BenchResult.Header);
foreach (var tool in new[] { "fractal", "duckdb" })
{
    var output = Path.Combine(options.Directory, $"ingest-{options.Rows}-{tool}.parquet");
    Console.WriteLine(ChildProcess.Run(tool, csv, output) ?? $"{tool,-8} failed");
    if (!options.Keep)
    {
        File.Delete(output);
    }
}

if (!options.Keep)
{
    File.Delete(csv);
}

return 0;
