using Fractal.Durable.Backends;
using Fractal.Durable.Backends.InMemory;
using Fractal.Durable.Engine;

namespace Fractal.Durable.Tests.Engine;

public sealed class InMemoryWithoutSpeedFeaturesOrchestrationTests : OrchestrationConformanceTests
{
    protected override DurableTaskOptions Options => base.Options with { ExtendedSessionsEnabled = false, LocalFastPathEnabled = false, WorkItemBatchSize = 1 };

    protected override ITaskHubBackend CreateBackend() => new InMemoryTaskHubBackend();
}
