using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;

namespace Fractal.FunctionApp.Tests.Recovery;

/// <summary>
/// The function app served by the local host as a real process (<c>dotnet Fractal.LocalHost.dll Fractal.FunctionApp.dll</c>
/// from the test's output folder, as <c>run.sh</c> starts it) on a loopback port; its console goes to a temporary file,
/// each line stamped with the time it was read.
/// </summary>
internal sealed class WorkerProcess : IAsyncDisposable
{
    private static readonly TimeSpan s_startTimeout = TimeSpan.FromSeconds(60);

    private readonly Process _process;
    private readonly StreamWriter _log;
    private readonly object _gate = new();
    private bool _logClosed;

    private WorkerProcess(string workerId, Process process, StreamWriter log, string logPath, Uri baseAddress)
    {
        WorkerId = workerId;
        _process = process;
        _log = log;
        LogPath = logPath;
        Client = new HttpClient { BaseAddress = baseAddress, Timeout = TimeSpan.FromSeconds(100) };
    }

    public string WorkerId { get; }

    /// <summary>A client for the worker's HTTP API; management routes need <see cref="AppHost.Key"/>.</summary>
    public HttpClient Client { get; }

    public string LogPath { get; }

    public bool HasExited => _process.HasExited;

    public int ExitCode => _process.ExitCode;

    /// <summary>
    /// Starts worker <paramref name="workerId"/> on task hub <paramref name="hubName"/> with <paramref name="settings"/>
    /// as extra environment variables (keys, polling and visibility settings); see <see cref="WaitUntilAnsweringAsync"/>.
    /// </summary>
    public static WorkerProcess Start(string hubName, string workerId, IReadOnlyDictionary<string, string> settings)
    {
        var port = FreePort();
        var start = StartInfo(hubName, port, settings);
        var logPath = Path.Combine(Path.GetTempPath(), $"fractal-{hubName}-{workerId}-{Guid.NewGuid():N}.log");
        var log = new StreamWriter(logPath) { AutoFlush = true };
        var process = new Process { StartInfo = start };
        var worker = new WorkerProcess(workerId, process, log, logPath, new Uri(string.Create(CultureInfo.InvariantCulture, $"http://127.0.0.1:{port}")));
        process.OutputDataReceived += (_, e) => worker.OnLine(e.Data);
        process.ErrorDataReceived += (_, e) => worker.OnLine(e.Data);
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return worker;
    }

    /// <summary>
    /// How <see cref="Start"/> starts the worker: the local host exe over the app, on loopback <paramref name="port"/> and
    /// task hub <paramref name="hubName"/>, with <paramref name="settings"/> as extra environment variables.
    /// </summary>
    public static ProcessStartInfo StartInfo(string hubName, int port, IReadOnlyDictionary<string, string> settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var appDirectory = AppContext.BaseDirectory;
        if (!File.Exists(Path.Combine(appDirectory, "host.json")))
        {
            throw new InvalidOperationException($"host.json is missing from {appDirectory}, the worker's content root.");
        }

        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = appDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        // The test folder's dependency manifest lists the local host's and the app's assemblies and native libraries
        // (SkiaSharp, DuckDB) together, as one deployment.
        start.ArgumentList.Add("exec");
        start.ArgumentList.Add("--depsfile");
        start.ArgumentList.Add(Path.Combine(appDirectory, "Fractal.FunctionApp.Tests.deps.json"));
        start.ArgumentList.Add("--runtimeconfig");
        start.ArgumentList.Add(Path.Combine(appDirectory, "Fractal.LocalHost.runtimeconfig.json"));
        start.ArgumentList.Add(Path.Combine(appDirectory, "Fractal.LocalHost.dll"));
        start.ArgumentList.Add(Path.Combine(appDirectory, "Fractal.FunctionApp.dll"));
        start.Environment["ASPNETCORE_URLS"] = string.Create(CultureInfo.InvariantCulture, $"http://127.0.0.1:{port}");
        start.Environment["AzureWebJobsStorage"] = AppHost.StorageConnection;
        start.Environment["AzureFunctionsJobHost__extensions__durableTask__hubName"] = hubName;
        foreach (var (name, value) in settings)
        {
            start.Environment[name] = value;
        }

        return start;
    }

    /// <summary>Ends the process at once with SIGKILL: no shutdown code runs, leases are left to expire.</summary>
    public async Task KillAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
        }

        await _process.WaitForExitAsync();
    }

    /// <summary>Asks the process to stop with SIGTERM, as a platform stops an instance, and waits for it to exit.</summary>
    /// <returns>False when it still runs after <paramref name="timeout"/>.</returns>
    public async Task<bool> StopAsync(TimeSpan timeout)
    {
        if (!_process.HasExited)
        {
            using var signal = Process.Start("kill", ["-TERM", _process.Id.ToString(CultureInfo.InvariantCulture)]);
            await signal.WaitForExitAsync();
        }

        return await WaitForExitAsync(timeout);
    }

    /// <summary>Waits for the process to end on its own; false when it still runs after <paramref name="timeout"/>.</summary>
    public async Task<bool> WaitForExitAsync(TimeSpan timeout)
    {
        using var cancellation = new CancellationTokenSource(timeout);
        try
        {
            await _process.WaitForExitAsync(cancellation.Token);
            return true;
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }

    /// <summary>The last <paramref name="lines"/> lines the process wrote.</summary>
    public string Tail(int lines)
    {
        lock (_gate)
        {
            if (!_logClosed)
            {
                _log.Flush();
            }
        }

        using var reader = new StreamReader(new FileStream(LogPath, FileMode.Open, FileAccess.Read, FileShare.ReadWrite));
        var all = reader.ReadToEnd().Split('\n');
        return string.Join('\n', all.TakeLast(lines));
    }

    public async ValueTask DisposeAsync()
    {
        await KillAsync();
        Client.Dispose();
        _process.Dispose();
        lock (_gate)
        {
            _logClosed = true;
            _log.Dispose();
        }
    }

    private void OnLine(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (_gate)
        {
            if (!_logClosed)
            {
                _log.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{DateTime.UtcNow:HH:mm:ss.fff} {line}"));
            }
        }
    }

    /// <summary>Waits until the worker answers HTTP; fails when it exits first or takes longer than a minute.</summary>
    public async Task WaitUntilAnsweringAsync()
    {
        var deadline = DateTime.UtcNow + s_startTimeout;
        while (true)
        {
            if (_process.HasExited)
            {
                throw new InvalidOperationException($"Worker {WorkerId} exited with code {_process.ExitCode} while starting:\n{Tail(40)}");
            }

            try
            {
                using var response = await Client.GetAsync(new Uri("/api/health", UriKind.Relative));
                if (response.StatusCode is HttpStatusCode.OK or HttpStatusCode.ServiceUnavailable)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }

            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"Worker {WorkerId} did not answer HTTP within {s_startTimeout}:\n{Tail(40)}");
            }

            await Task.Delay(100);
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
