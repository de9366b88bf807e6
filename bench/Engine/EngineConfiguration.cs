using Fractal.Durable.Backends;
using Fractal.Durable.Engine;

namespace Fractal.Bench.Engine;

/// <summary>One measured setting: a label, a backend factory (given the hub name) and the engine options.</summary>
internal sealed record EngineConfiguration(string Label, Func<string, ITaskHubBackend> CreateBackend, DurableTaskOptions Options);
