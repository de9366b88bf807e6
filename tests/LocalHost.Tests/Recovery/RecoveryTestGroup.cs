namespace Fractal.LocalHost.Tests.Recovery;

/// <summary>
/// The recovery tests run one at a time and alone: each drives host processes and a shared Azurite hard, and their
/// visibility timeouts assume that neither is starved.
/// </summary>
[CollectionDefinition(nameof(RecoveryTestGroup), DisableParallelization = true)]
public sealed class RecoveryTestGroup;
