using Fractal.Durable.Backends;
using Fractal.Durable.Backends.AzureStorage;
using Fractal.Durable.Messaging;

namespace Fractal.Durable.Tests.Backends;

public sealed class AzureStorageTaskHubBackendTests : TaskHubBackendConformanceTests
{
    private AzureStorageTaskHubBackend? _backend;

    protected override Task<ITaskHubBackend> CreateBackendAsync()
    {
        _backend = new AzureStorageTaskHubBackend(AzuriteConnection.ConnectionString, AzuriteConnection.NewHubName(), new AzureStorageBackendOptions());
        return Task.FromResult<ITaskHubBackend>(_backend);
    }

    protected override Task<IReadOnlyList<PoisonMessage>> ReadPoisonAsync() =>
        ((AzureStorageTaskHubQueues)_backend!.Queues).PeekPoisonAsync(CancellationToken.None);
}
