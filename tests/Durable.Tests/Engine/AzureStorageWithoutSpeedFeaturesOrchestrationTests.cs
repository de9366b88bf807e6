using Fractal.Durable.Backends;
using Fractal.Durable.Backends.AzureStorage;
using Fractal.Durable.Engine;
using Fractal.Durable.Tests.Backends;

namespace Fractal.Durable.Tests.Engine;

public sealed class AzureStorageWithoutSpeedFeaturesOrchestrationTests : OrchestrationConformanceTests
{
    protected override DurableTaskOptions Options => base.Options with { ExtendedSessionsEnabled = false, LocalFastPathEnabled = false };

    protected override ITaskHubBackend CreateBackend() =>
        new AzureStorageTaskHubBackend(AzuriteConnection.ConnectionString, AzuriteConnection.NewHubName(), new AzureStorageBackendOptions());
}
