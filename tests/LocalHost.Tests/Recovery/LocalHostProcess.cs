using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using Fractal.Samples;

namespace Fractal.LocalHost.Tests.Recovery;

/// <summary>
/// The local host exe (<c>dotnet Fractal.LocalHost.dll Fractal.Samples.dll</c>, both from the test's output folder) as
/// a real process serving the samples app on a free loopback port, its console copied to a log file. It stops with
/// SIGKILL (nothing of its own runs) or SIGTERM (as a platform stops an instance).
/// </summary>
internal sealed class LocalHostProcess : IAsyncDisposable
{
    public const string MasterKey = "recovery-master-key";

    private static readonly TimeSpan s_startTimeout = TimeSpan.FromSeconds(90);

    private readonly Process _process;
    private readonly StreamWriter _log;
    private readonly Lock _gate = new();
    private bool _logClosed;

    private LocalHostProcess(Process process, StreamWriter log, string logPath, Uri baseAddress)
    {
        _process = process;
        _log = log;
        LogPath = logPath;
        Client = new HttpClient { BaseAddress = baseAddress, Timeout = TimeSpan.FromSeconds(30) };
    }

    /// <summary>The process id.</summary>
    public int ProcessId => _process.Id;

    /// <summary>The worker id the host gives DTFx (leases and results name it): <c>{machine}-{pid}</c>.</summary>
    public string WorkerId => string.Create(CultureInfo.InvariantCulture, $"{Environment.MachineName}-{_process.Id}");

    /// <summary>A client of the host's HTTP address.</summary>
    public HttpClient Client { get; }

    /// <summary>Where the host's console output goes.</summary>
    public string LogPath { get; }

    public bool HasExited => _process.HasExited;

    public int ExitCode => _process.ExitCode;

    /// <summary>
    /// Starts the host with <paramref name="settings"/> as environment variables (over the samples app's
    /// <c>host.json</c>); call <see cref="WaitUntilAnsweringAsync"/> before using it.
    /// </summary>
    public static LocalHostProcess Start(string name, IReadOnlyDictionary<string, string> settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var hostPath = typeof(LocalFunctionsHost).Assembly.Location;
        var appPath = typeof(HelloSample).Assembly.Location;
        var runtimeConfig = Path.ChangeExtension(hostPath, ".runtimeconfig.json");
        if (!File.Exists(runtimeConfig))
        {
            throw new InvalidOperationException($"{runtimeConfig} is missing: the local host exe is not in the test output.");
        }

        var port = FreePort();
        var baseAddress = new Uri(string.Create(CultureInfo.InvariantCulture, $"http://127.0.0.1:{port}/"));
        var start = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet")
        {
            WorkingDirectory = Path.GetDirectoryName(appPath)!,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(hostPath);
        start.ArgumentList.Add(appPath);
        start.Environment["ASPNETCORE_URLS"] = baseAddress.ToString().TrimEnd('/');
        start.Environment["FRACTAL_MASTER_KEY"] = MasterKey;
        start.Environment["FRACTAL_DURABLETASK_EXTENSION_KEY"] = MasterKey + "-system";
        foreach (var (key, value) in settings)
        {
            start.Environment[key] = value;
        }

        var logPath = Path.Combine(Path.GetTempPath(), $"fractal-localhost-{name}-{Guid.NewGuid():N}.log");
        var log = new StreamWriter(logPath) { AutoFlush = true };
        var process = new Process { StartInfo = start };
        var host = new LocalHostProcess(process, log, logPath, baseAddress);
        process.OutputDataReceived += (_, e) => host.OnLine(e.Data);
        process.ErrorDataReceived += (_, e) => host.OnLine(e.Data);
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return host;
    }

    /// <summary>Waits until the host answers HTTP (its durable worker starts before Kestrel listens).</summary>
    public async Task WaitUntilAnsweringAsync(CancellationToken cancellationToken = default)
    {
        var deadline = DateTime.UtcNow + s_startTimeout;
        while (true)
        {
            if (_process.HasExited)
            {
                throw new InvalidOperationException($"The host exited with code {_process.ExitCode} while starting:\n{Tail(40)}");
            }

            try
            {
                using var response = await Client.GetAsync(
                    new Uri($"runtime/webhooks/durabletask/instances?top=1&code={MasterKey}", UriKind.Relative), cancellationToken);
                if (response.StatusCode == HttpStatusCode.OK)
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
                throw new TimeoutException($"The host did not answer HTTP within {s_startTimeout}:\n{Tail(40)}");
            }

            await Task.Delay(100, cancellationToken);
        }
    }

    /// <summary>Ends the process at once with SIGKILL: no shutdown code runs, its leases and messages are left to expire.</summary>
    public async Task KillAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
        }

        await _process.WaitForExitAsync();
    }

    /// <summary>Sends SIGTERM, as a platform stops an instance, and waits for the process to exit.</summary>
    /// <returns>How long it took to exit after the signal, or <c>null</c> when it still runs after <paramref name="timeout"/>.</returns>
    public async Task<TimeSpan?> TerminateAsync(TimeSpan timeout)
    {
        var clock = Stopwatch.StartNew();
        if (!_process.HasExited)
        {
            PosixSignals.Terminate(_process.Id);
        }

        using var cancellation = new CancellationTokenSource(timeout);
        try
        {
            await _process.WaitForExitAsync(cancellation.Token);
            return clock.Elapsed;
        }
        catch (OperationCanceledException)
        {
            return null;
        }
    }

    /// <summary>The last <paramref name="lines"/> lines the process wrote.</summary>
    public string Tail(int lines)
    {
        using var reader = new StreamReader(new FileStream(LogPath, FileMode.Open, FileAccess.Read, FileShare.ReadWrite));
        return string.Join('\n', reader.ReadToEnd().Split('\n').TakeLast(lines));
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

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
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
                _log.WriteLine(line);
            }
        }
    }
}
