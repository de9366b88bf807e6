using Fractal.Durable.Backends;
using Fractal.Durable.Backends.AzureStorage;
using Fractal.Durable.Tests.Backends;

namespace Fractal.Durable.Tests.Engine;

public sealed class AzureStorageOrchestrationTests : OrchestrationConformanceTests
{
    protected override ITaskHubBackend CreateBackend() =>
        new AzureStorageTaskHubBackend(AzuriteConnection.ConnectionString, AzuriteConnection.NewHubName(), new AzureStorageBackendOptions());
}
