using Fractal.Durable.Backends;
using Fractal.Durable.Backends.InMemory;
using Fractal.Durable.Client;
using Fractal.Durable.Engine;

namespace Fractal.Durable.Tests.Engine;

/// <summary>A task hub with one worker and a client, on a backend of the test's choosing (in memory by default).</summary>
internal sealed class TestHub : IAsyncDisposable
{
    private readonly List<TaskHubWorker> _workers = [];

    private TestHub(ITaskHubBackend backend, DurableFunctionRegistry registry, DurableTaskOptions options)
    {
        Backend = backend;
        Registry = registry;
        Options = options;
        Notifier = new InstanceStatusNotifier();
        Client = new DurableTaskClient(backend, registry, Notifier);
    }

    public ITaskHubBackend Backend { get; }

    public DurableFunctionRegistry Registry { get; }

    public DurableTaskOptions Options { get; }

    public InstanceStatusNotifier Notifier { get; }

    public DurableTaskClient Client { get; }

    public static async Task<TestHub> StartAsync(Action<DurableFunctionRegistry> register, DurableTaskOptions? options = null, ITaskHubBackend? backend = null)
    {
        var registry = new DurableFunctionRegistry();
        register(registry);
        var hub = new TestHub(backend ?? new InMemoryTaskHubBackend(), registry, options ?? new DurableTaskOptions { MaxQueuePollingInterval = TimeSpan.FromMilliseconds(100) });
        await hub.AddWorkerAsync();
        return hub;
    }

    public async Task<TaskHubWorker> AddWorkerAsync()
    {
        var worker = new TaskHubWorker(Backend, Options, Registry, Notifier, workerId: $"worker-{_workers.Count}");
        await worker.StartAsync(CancellationToken.None);
        _workers.Add(worker);
        return worker;
    }

    /// <summary>Starts <paramref name="name"/> and waits (at most a minute) for it to end.</summary>
    public async Task<OrchestrationMetadata> RunAsync(string name, object? input = null, TimeSpan? timeout = null)
    {
        var id = await Client.ScheduleNewOrchestrationInstanceAsync(name, input);
        return await WaitAsync(id, timeout);
    }

    public async Task<OrchestrationMetadata> WaitAsync(string instanceId, TimeSpan? timeout = null)
    {
        using var cancellation = new CancellationTokenSource(timeout ?? TimeSpan.FromMinutes(1));
        return await Client.WaitForInstanceCompletionAsync(instanceId, getInputsAndOutputs: true, cancellation.Token);
    }

    /// <summary>Waits until the instance reaches <paramref name="status"/>.</summary>
    public async Task WaitForStatusAsync(string instanceId, OrchestrationRuntimeStatus status, TimeSpan? timeout = null)
    {
        using var cancellation = new CancellationTokenSource(timeout ?? TimeSpan.FromSeconds(30));
        while ((await Client.GetInstanceAsync(instanceId, cancellationToken: cancellation.Token))?.RuntimeStatus != status)
        {
            await Task.Delay(20, cancellation.Token);
        }
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var worker in _workers)
        {
            await worker.DisposeAsync();
        }

        await Backend.DeleteAsync(CancellationToken.None);
    }
}
