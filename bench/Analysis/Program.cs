using System.Globalization;
using Fractal.Bench.Analysis;

// dotnet run -c Release --project bench/Analysis -- [--quick] [--runs 3] [--seed 20261123]
var quick = args.Contains("--quick");
var runs = Option(args, "--runs", 3);
var seed = Option(args, "--seed", 20261123);
var sizes = quick ? BenchSizes.Quick : BenchSizes.Full;
var directory = Path.Combine(Path.GetTempPath(), $"fractal-bench-analysis-{Environment.ProcessId}");
try
{
    Console.WriteLine($"sizes: {sizes}; best of {runs} after warm-up (30 calls or 1 s); seed {seed}");
    var data = BenchData.Generate(sizes, seed);
    data.Write(directory);
    var fractal = FractalKernels.All(data).Select(k => (k.Name, Seconds: Timing.BestSeconds(runs, k.Run))).ToList();
    var references = ReferenceTools.Run(directory, runs, Console.Out);
    Console.WriteLine();
    Console.WriteLine($"| {"kernel",-22} | {"Fractal (s)",11} | {"reference",-22} | {"reference (s)",13} | {"ratio",7} |");
    Console.WriteLine($"|{new string('-', 24)}|{new string('-', 13)}|{new string('-', 24)}|{new string('-', 15)}|{new string('-', 9)}|");
    foreach (var (name, seconds) in fractal)
    {
        var reference = references.TryGetValue(name, out var found) ? found : ("(not installed)", double.NaN);
        var ratio = seconds / reference.Item2;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"| {name,-22} | {seconds,11:0.0000} | {reference.Item1,-22} | {reference.Item2,13:0.0000} | {(double.IsNaN(ratio) ? "-" : ratio.ToString("0.00", CultureInfo.InvariantCulture)),7} |"));
    }
}
finally
{
    if (Directory.Exists(directory))
    {
        Directory.Delete(directory, recursive: true);
    }
}

static int Option(string[] args, string name, int fallback)
{
    var index = Array.IndexOf(args, name);
    return index >= 0 && index + 1 < args.Length ? int.Parse(args[index + 1], CultureInfo.InvariantCulture) : fallback;
}
