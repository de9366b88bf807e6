using DurableTask.Core;

namespace Fractal.Bench.Engine;

/// <summary>An engine the harness measures: it starts the two orchestrations and exposes its task hub's store.</summary>
internal interface IBenchTarget : IAsyncDisposable
{
    /// <summary>What is measured, for the report.</summary>
    string Label { get; }

    /// <summary>The task hub's store, which the harness polls for completion (the same way for every target).</summary>
    IOrchestrationServiceClient Store { get; }

    /// <summary>Starts the hello orchestration (three activities in sequence); returns its instance id.</summary>
    Task<string> StartHelloAsync(CancellationToken cancellationToken);

    /// <summary>Starts a fan-out of <paramref name="count"/> activities; returns its instance id.</summary>
    Task<string> StartFanOutAsync(int count, CancellationToken cancellationToken);
}
