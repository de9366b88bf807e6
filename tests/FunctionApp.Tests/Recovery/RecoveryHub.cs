using System.Globalization;
using DurableTask.AzureStorage;
using DurableTask.Core;
using Xunit.Abstractions;

namespace Fractal.FunctionApp.Tests.Recovery;

/// <summary>
/// A task hub of its own on Azurite for one test and the local-host processes started on it. Disposing kills every
/// process, writes the tail of each one's log to the test output (shown when the test fails) and deletes the hub.
/// </summary>
internal sealed class RecoveryHub : IAsyncDisposable
{
    private readonly ITestOutputHelper _output;
    private readonly Dictionary<string, string> _settings;
    private readonly List<WorkerProcess> _workers = [];
    private readonly DateTime _created = DateTime.UtcNow;

    /// <summary>
    /// A new hub whose processes hide a received queue message for <paramref name="visibilityTimeout"/>, with
    /// <paramref name="appSettings"/> as extra environment variables.
    /// </summary>
    public RecoveryHub(ITestOutputHelper output, TimeSpan visibilityTimeout, IReadOnlyDictionary<string, string>? appSettings = null)
    {
        _output = output;
        Name = AppHost.NewHubName();
        _settings = new Dictionary<string, string>();
        var visibility = visibilityTimeout.ToString("c", CultureInfo.InvariantCulture);
        foreach (var (key, value) in AppHost.TestSettings())
        {
            if (value is not null && key != "ASPNETCORE_URLS")
            {
                _settings[key.Replace(":", "__", StringComparison.Ordinal)] = value;
            }
        }

        _settings["AzureFunctionsJobHost__extensions__durableTask__hubName"] = Name;
        _settings["AzureFunctionsJobHost__extensions__durableTask__storageProvider__controlQueueVisibilityTimeout"] = visibility;
        _settings["AzureFunctionsJobHost__extensions__durableTask__storageProvider__workItemQueueVisibilityTimeout"] = visibility;
        foreach (var (key, value) in appSettings ?? new Dictionary<string, string>())
        {
            _settings[key] = value;
        }
    }

    public string Name { get; }

    /// <summary>Starts a local-host process on this hub and waits until it answers HTTP.</summary>
    public async Task<WorkerProcess> StartWorkerAsync(string workerId)
    {
        var worker = WorkerProcess.Start(Name, workerId, _settings);
        _workers.Add(worker);
        await worker.WaitUntilAnsweringAsync();
        Log($"worker {workerId} answers HTTP at {worker.Client.BaseAddress}");
        return worker;
    }

    /// <summary>Writes a timestamped line to the test's output.</summary>
    public void Log(string message) =>
        _output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"[{(DateTime.UtcNow - _created).TotalSeconds,7:F2}s] {message}"));

    /// <summary>The runtime status the task hub holds for <paramref name="instanceId"/>, read from storage.</summary>
    public async Task<OrchestrationStatus?> StatusAsync(string instanceId)
    {
        var state = await Service().GetOrchestrationStateAsync(instanceId, executionId: null);
        return state?.OrchestrationStatus;
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var worker in _workers)
        {
            var state = worker.HasExited ? $"exited with code {worker.ExitCode}" : "killed at clean-up";
            await worker.DisposeAsync();
            _output.WriteLine($"--- worker {worker.WorkerId} ({state}), last lines of {worker.LogPath}:");
            _output.WriteLine(worker.Tail(60));
            File.Delete(worker.LogPath);
        }

        try
        {
            await Service().DeleteAsync();
        }
        catch (Azure.RequestFailedException e)
        {
            _output.WriteLine($"Could not delete task hub {Name}: {e.Message}");
        }
    }

    private AzureStorageOrchestrationService Service() => new(new AzureStorageOrchestrationServiceSettings
    {
        TaskHubName = Name,
        StorageAccountClientProvider = new StorageAccountClientProvider(AppHost.StorageConnection),
    });
}
