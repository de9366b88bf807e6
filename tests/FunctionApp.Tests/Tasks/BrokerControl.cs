using System.Diagnostics;

namespace Fractal.FunctionApp.Tests.Tasks;

/// <summary>Stops and starts the shared broker's RabbitMQ application (<c>infra/local/services.sh rabbitmqctl stop_app|start_app</c>).</summary>
internal static class BrokerControl
{
    public static Task StopAppAsync() => RunAsync("stop_app");

    public static Task StartAppAsync() => RunAsync("start_app");

    private static async Task RunAsync(string command)
    {
        var script = FindScript();
        using var process = Process.Start(new ProcessStartInfo(script, ["rabbitmqctl", command]) { RedirectStandardOutput = true, RedirectStandardError = true })
            ?? throw new InvalidOperationException($"Could not run {script}.");
        var output = await process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"rabbitmqctl {command} exited with {process.ExitCode}: {output}");
        }
    }

    private static string FindScript()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            var script = Path.Combine(directory.FullName, "infra", "local", "services.sh");
            if (File.Exists(script))
            {
                return script;
            }
        }

        throw new InvalidOperationException("infra/local/services.sh is not above the test's folder.");
    }
}
