namespace Fractal.Samples;

/// <summary>The result of <see cref="WorkerFanOutSample.EchoWithWorker"/>: the activity's index and the worker that ran it.</summary>
/// <param name="Index">The index the activity was given.</param>
/// <param name="WorkerId">The worker that ran it, as the local host names workers: <c>{machine}-{process id}</c>.</param>
public sealed record WorkerEcho(int Index, string WorkerId);
