using Fractal.Durable.Backends;
using Fractal.Durable.Backends.InMemory;
using Fractal.Durable.Messaging;

namespace Fractal.Durable.Tests.Backends;

public sealed class InMemoryTaskHubBackendTests : TaskHubBackendConformanceTests
{
    private InMemoryTaskHubBackend? _backend;

    protected override Task<ITaskHubBackend> CreateBackendAsync()
    {
        _backend = new InMemoryTaskHubBackend("ConformanceHub");
        return Task.FromResult<ITaskHubBackend>(_backend);
    }

    protected override Task<IReadOnlyList<PoisonMessage>> ReadPoisonAsync() =>
        Task.FromResult(((InMemoryTaskHubQueues)_backend!.Queues).Poison.Peek());
}
