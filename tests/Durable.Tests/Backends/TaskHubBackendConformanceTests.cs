using System.Diagnostics;
using System.Text.Json;
using Fractal.Durable.Backends;
using Fractal.Durable.History;
using Fractal.Durable.Messaging;

namespace Fractal.Durable.Tests.Backends;

/// <summary>
/// What every <see cref="ITaskHubBackend"/> must do, run against each backend by a subclass that says
/// how to make one. Each test gets a fresh hub, deleted afterwards.
/// </summary>
public abstract partial class TaskHubBackendConformanceTests : IAsyncLifetime
{
    private ITaskHubBackend? _backend;

    protected ITaskHubBackend Backend => _backend ?? throw new InvalidOperationException("The backend is created in InitializeAsync.");

    protected ITaskHubQueues Queues => Backend.Queues;

    protected IInstanceStore Store => Backend.Instances;

    protected static CancellationToken None => CancellationToken.None;

    public async Task InitializeAsync()
    {
        _backend = await CreateBackendAsync();
        await _backend.EnsureCreatedAsync(None);
    }

    public async Task DisposeAsync()
    {
        if (_backend is not null)
        {
            await _backend.DeleteAsync(None);
            (_backend as IDisposable)?.Dispose();
        }
    }

    /// <summary>A backend on a hub of its own.</summary>
    protected abstract Task<ITaskHubBackend> CreateBackendAsync();

    /// <summary>What the backend's poison queue holds.</summary>
    protected abstract Task<IReadOnlyList<PoisonMessage>> ReadPoisonAsync();

    protected static string NewInstanceId() => "i" + Guid.NewGuid().ToString("N");

    protected static ControlMessage NewControlMessage(string? instanceId = null, string? input = null) =>
        new(Guid.NewGuid().ToString("N"), instanceId ?? NewInstanceId(), null, [new EventRaisedEvent("go", input ?? "1", "m") { Timestamp = HistoryEventSamples.At }]);

    protected static WorkItemBatch NewWorkItem(string? input = null) =>
        new(Guid.NewGuid().ToString("N"), NewInstanceId(), "exec", [new ActivityCall(0, "SayHello", input ?? "\"Tokyo\""), new ActivityCall(1, "SayHello", "\"Seattle\"")]);

    protected static void AssertSameJson<T>(T expected, T actual) =>
        Assert.Equal(JsonSerializer.Serialize(expected), JsonSerializer.Serialize(actual));

    protected static async Task<TimeSpan> TimeAsync(Func<Task> action)
    {
        var watch = Stopwatch.StartNew();
        await action();
        return watch.Elapsed;
    }
}
