using System.Diagnostics;

namespace Fractal.Bench.Ingest;

/// <summary>Runs one tool in a child process of this harness, so each peak working set is its own.</summary>
internal static class ChildProcess
{
    public static string? Run(string tool, string csvPath, string outputPath)
    {
        var self = Environment.ProcessPath!;
        var start = new ProcessStartInfo(self) { RedirectStandardOutput = true, UseShellExecute = false };
        if (Path.GetFileNameWithoutExtension(self) == "dotnet")
        {
            start.ArgumentList.Add(typeof(ChildProcess).Assembly.Location);
        }

        foreach (var argument in new[] { "--only", tool, csvPath, outputPath })
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        return process.ExitCode == 0 ? output.TrimEnd() : null;
    }
}
