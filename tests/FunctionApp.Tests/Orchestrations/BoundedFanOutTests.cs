using Fractal.FunctionApp.Orchestrations;

namespace Fractal.FunctionApp.Tests.Orchestrations;

public sealed class BoundedFanOutTests
{
    [Fact]
    public async Task RunAsync_MoreCallsThanTheLimit_RunsAtMostTheLimitAtOnce()
    {
        var fanOut = new BoundedFanOut(3);
        var calls = Enumerable.Range(0, 10).Select(_ => new TaskCompletionSource<int>()).ToList();
        var started = new List<int>();

        var all = Task.WhenAll(calls.Select((call, i) => fanOut.RunAsync(() =>
        {
            started.Add(i);
            return call.Task;
        })));

        Assert.Equal([0, 1, 2], started);
        calls[1].SetResult(1);
        Assert.Equal([0, 1, 2, 3], started);
        for (var i = 0; i < calls.Count; i++)
        {
            calls[i].TrySetResult(i);
        }

        Assert.Equal(Enumerable.Range(0, 10), await all);
        Assert.Equal(Enumerable.Range(0, 10), started);
    }

    [Fact]
    public async Task RunAsync_CallFails_ReleasesItsTurnToTheNext()
    {
        var fanOut = new BoundedFanOut(1);
        var failing = new TaskCompletionSource();
        var first = fanOut.RunAsync(() => failing.Task);
        var secondStarted = false;
        var second = fanOut.RunAsync(() =>
        {
            secondStarted = true;
            return Task.CompletedTask;
        });

        Assert.False(secondStarted);
        failing.SetException(new InvalidOperationException("activity failed"));

        await Assert.ThrowsAsync<InvalidOperationException>(() => first);
        await second;
        Assert.True(secondStarted);
    }

    [Fact]
    public void Constructor_LimitBelowOne_Throws()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new BoundedFanOut(0));
    }
}
