using Fractal.LocalHost.Durable;

namespace Fractal.Bench.Engine;

/// <summary>One profile's figures: the local host's and the bare worker's, measured side by side, and the settings in force.</summary>
internal sealed record ProfileFigures(EngineProfile Profile, DurableTaskHostOptions Settings, TargetFigures Local, TargetFigures Bare, TimeSpan Elapsed);
