using System.Diagnostics;
using System.Text.RegularExpressions;

namespace Fractal.Bench.Tasks;

/// <summary>
/// N local hosts serving the Release build of FunctionApp on one task hub, started by <c>infra/local/workers.sh</c> with
/// the bench's settings; ready once every worker's RabbitMQ trigger listens and the hub's partitions are balanced. Disposing sends SIGTERM (all stop).
/// </summary>
internal sealed class WorkerGroup : IAsyncDisposable
{
    private readonly Process _process;

    private WorkerGroup(Process process, string logs)
    {
        _process = process;
        Logs = logs;
    }

    public string Logs { get; }

    public static async Task<WorkerGroup> StartAsync(string repo, int workers, IReadOnlyDictionary<string, string> settings, TimeSpan timeout)
    {
        var state = Path.Combine(repo, ".local", "bench-tasks-" + settings["AzureFunctionsJobHost__extensions__durableTask__hubName"]);
        var start = new ProcessStartInfo(Path.Combine(repo, "infra", "local", "workers.sh"), [workers.ToString(System.Globalization.CultureInfo.InvariantCulture)])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (var (key, value) in settings)
        {
            start.Environment[key] = value;
        }

        start.Environment["FRACTAL_STATE_DIR"] = state;
        var process = Process.Start(start) ?? throw new InvalidOperationException("workers.sh did not start.");
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var group = new WorkerGroup(process, Path.Combine(state, "workers"));
        var deadline = DateTime.UtcNow + timeout;
        while (!Enumerable.Range(1, workers).All(i => group.Log(i).Contains("RabbitMQ trigger of Tasks_FromQueue listens", StringComparison.Ordinal)))
        {
            if (process.HasExited || DateTime.UtcNow > deadline)
            {
                await group.DisposeAsync();
                throw new InvalidOperationException($"The workers did not all listen (logs in {group.Logs}).");
            }

            await Task.Delay(250);
        }

        // As bench/ScaleOut: every worker holds a control-queue partition and the leases have not moved for 5 s, so the
        // partitions are balanced before the clock starts (a partition moving mid-run holds its messages until their
        // visibility timeout).
        var seen = -1;
        var quiet = 0;
        while (quiet < 10)
        {
            if (process.HasExited || DateTime.UtcNow > deadline)
            {
                await group.DisposeAsync();
                throw new InvalidOperationException($"The workers' partitions did not settle (logs in {group.Logs}).");
            }

            await Task.Delay(500);
            var logs = Enumerable.Range(1, workers).Select(group.Log).ToList();
            var leases = logs.Sum(log => Regex.Count(log, "control-[0-9]+: .*(lease|Draining)"));
            var acquired = logs.All(log => Regex.IsMatch(log, "control-[0-9]+: Successfully acquired"));
            quiet = acquired && leases == seen ? quiet + 1 : 0;
            seen = leases;
        }

        return group;
    }

    /// <summary>Worker <paramref name="index"/>'s log so far.</summary>
    public string Log(int index)
    {
        var path = Path.Combine(Logs, $"worker-{index}.log");
        if (!File.Exists(path))
        {
            return string.Empty;
        }

        using var reader = new StreamReader(new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite));
        return reader.ReadToEnd();
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            using var signal = Process.Start("kill", ["-TERM", _process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]);
            await signal.WaitForExitAsync();
        }

        await _process.WaitForExitAsync();
        _process.Dispose();
    }
}
