using System.Diagnostics;
using System.Reflection;

namespace Fractal.Infra.Tests.Azure;

/// <summary>The Bicep CLI restored from NuGet by this project (<c>PackageDownload</c>), and the repository's Bicep files.</summary>
internal static class BicepCli
{
    private static readonly TimeSpan s_timeout = TimeSpan.FromMinutes(3);

    public static string RepositoryRoot { get; } = Metadata("RepositoryRoot");

    public static string AzureDirectory { get; } = Path.Combine(RepositoryRoot, "infra", "azure");

    public static string MainTemplate { get; } = Path.Combine(AzureDirectory, "main.bicep");

    /// <summary>Runs <c>bicep</c> with <paramref name="arguments"/>; the environment gets <paramref name="environment"/> too.</summary>
    public static async Task<BicepResult> RunAsync(IEnumerable<string> arguments, IDictionary<string, string>? environment = null)
    {
        var start = new ProcessStartInfo(Metadata("BicepPath"))
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        // No telemetry, and no look-up of newer versions: the CLI works offline.
        start.Environment["BICEP_TELEMETRY_ENABLED"] = "false";
        foreach (var (name, value) in environment ?? new Dictionary<string, string>())
        {
            start.Environment[name] = value;
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException("The Bicep CLI did not start.");
        using var timeout = new CancellationTokenSource(s_timeout);
        var output = process.StandardOutput.ReadToEndAsync(timeout.Token);
        var error = process.StandardError.ReadToEndAsync(timeout.Token);
        await process.WaitForExitAsync(timeout.Token);
        return new BicepResult(process.ExitCode, await output, await error);
    }

    private static string Metadata(string key) =>
        typeof(BicepCli).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == key).Value
        ?? throw new InvalidOperationException($"The test assembly has no {key}.");
}
