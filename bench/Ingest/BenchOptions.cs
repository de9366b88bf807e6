using System.Globalization;

namespace Fractal.Bench.Ingest;

internal sealed record BenchOptions(long Rows, string Directory, bool Keep, string? Only, string? CsvPath, string? OutputPath)
{
    public static BenchOptions Parse(string[] args)
    {
        long rows = 10_000_000;
        var directory = Path.GetTempPath();
        var keep = false;
        string? only = null;
        string? csv = null;
        string? output = null;
        for (var i = 0; i < args.Length; i++)
        {
            switch (args[i])
            {
                case "--rows":
                    rows = long.Parse(args[++i], CultureInfo.InvariantCulture);
                    break;
                case "--dir":
                    directory = args[++i];
                    break;
                case "--keep":
                    keep = true;
                    break;
                case "--only":
                    only = args[++i];
                    csv = args[++i];
                    output = args[++i];
                    break;
                default:
                    throw new ArgumentException($"Unknown argument '{args[i]}'. Use --rows N, --dir PATH, --keep.");
            }
        }

        return new BenchOptions(rows, directory, keep, only, csv, output);
    }
}
