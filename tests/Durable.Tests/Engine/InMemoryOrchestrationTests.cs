using Fractal.Durable.Backends;
using Fractal.Durable.Backends.InMemory;

namespace Fractal.Durable.Tests.Engine;

public sealed class InMemoryOrchestrationTests : OrchestrationConformanceTests
{
    protected override ITaskHubBackend CreateBackend() => new InMemoryTaskHubBackend();
}
