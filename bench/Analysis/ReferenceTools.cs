using System.Diagnostics;
using System.Globalization;

namespace Fractal.Bench.Analysis;

/// <summary>
/// Runs the reference scripts (NumPy/SciPy/scikit-learn under <c>python3</c>, limma and survival
/// under <c>Rscript</c>) on the same files when the tools are installed; each prints
/// <c>{kernel} {tool} {seconds}</c> lines, timed around the kernel alone.
/// </summary>
internal static class ReferenceTools
{
    public static Dictionary<string, (string Tool, double Seconds)> Run(string dataDirectory, int runs, TextWriter log)
    {
        var results = new Dictionary<string, (string, double)>(StringComparer.Ordinal);
        var scripts = Path.Combine(AppContext.BaseDirectory, "reference");
        RunScript(FindPython(), [Path.Combine(scripts, "kernels.py"), dataDirectory, runs.ToString(CultureInfo.InvariantCulture)], "python3 with numpy, scipy, sklearn", results, log);
        RunScript(Probe("Rscript", ["-e", "suppressMessages({library(limma); library(survival)})"]) ? "Rscript" : null,
            [Path.Combine(scripts, "kernels.R"), dataDirectory, runs.ToString(CultureInfo.InvariantCulture)], "Rscript with limma, survival", results, log);
        return results;
    }

    private static string? FindPython()
    {
        foreach (var candidate in new[] { "/usr/bin/python3", "python3" })
        {
            if (Probe(candidate, ["-c", "import numpy, scipy, sklearn"]))
            {
                return candidate;
            }
        }

        return null;
    }

    private static void RunScript(string? program, string[] arguments, string what, Dictionary<string, (string, double)> results, TextWriter log)
    {
        if (program is null)
        {
            log.WriteLine($"skipped: {what} not found");
            return;
        }

        var (exit, output, error) = Execute(program, arguments, TimeSpan.FromMinutes(20));
        if (exit != 0)
        {
            log.WriteLine($"skipped: {program} failed ({exit}): {error.Trim()}");
            return;
        }

        foreach (var line in output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var parts = line.Split(' ');
            if (parts.Length == 3 && double.TryParse(parts[2], NumberStyles.Float, CultureInfo.InvariantCulture, out var seconds))
            {
                results[parts[0]] = (parts[1], seconds);
            }
        }
    }

    private static bool Probe(string program, string[] arguments)
    {
        try
        {
            return Execute(program, arguments, TimeSpan.FromSeconds(60)).Exit == 0;
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return false;
        }
    }

    private static (int Exit, string Output, string Error) Execute(string program, string[] arguments, TimeSpan timeout)
    {
        var start = new ProcessStartInfo(program) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException($"{program} did not start.");
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(timeout))
        {
            process.Kill(entireProcessTree: true);
            return (-1, string.Empty, $"timed out after {timeout}");
        }

        return (process.ExitCode, output.Result, error.Result);
    }
}
