namespace Fractal.FunctionApp.Orchestrations;

/// <summary>
/// Lets an orchestration run at most <c>limit</c> of its calls at a time, so that one large request queues behind its
/// own window instead of filling the task hub's work-item queue ahead of every other session's work. Used only from
/// orchestrator code: it holds no clock and no thread, and a waiting call starts when an earlier one completes, in the
/// order the history replays those completions, so the schedule is the same on every replay.
/// </summary>
internal sealed class BoundedFanOut
{
    private readonly int _limit;
    private readonly Queue<TaskCompletionSource> _waiting = new();
    private int _running;

    public BoundedFanOut(int limit)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(limit, 1);
        _limit = limit;
    }

    /// <summary>Starts <paramref name="call"/> once fewer than the limit run, and returns its result.</summary>
    public async Task<T> RunAsync<T>(Func<Task<T>> call)
    {
        ArgumentNullException.ThrowIfNull(call);
        await EnterAsync();
        try
        {
            return await call();
        }
        finally
        {
            Exit();
        }
    }

    /// <summary>Starts <paramref name="call"/> once fewer than the limit run.</summary>
    public async Task RunAsync(Func<Task> call)
    {
        ArgumentNullException.ThrowIfNull(call);
        await EnterAsync();
        try
        {
            await call();
        }
        finally
        {
            Exit();
        }
    }

    private Task EnterAsync()
    {
        if (_running < _limit)
        {
            _running++;
            return Task.CompletedTask;
        }

        var turn = new TaskCompletionSource();
        _waiting.Enqueue(turn);
        return turn.Task;
    }

    private void Exit()
    {
        if (_waiting.TryDequeue(out var next))
        {
            next.SetResult();
        }
        else
        {
            _running--;
        }
    }
}
