namespace Fractal.FunctionApp.Tests.Recovery;

/// <summary>Waits for a condition that other processes make true, failing the test with what was awaited.</summary>
internal static class RecoveryWait
{
    private static readonly TimeSpan s_defaultTimeout = TimeSpan.FromSeconds(60);

    public static Task UntilAsync(Func<bool> condition, string what) => UntilAsync(() => Task.FromResult(condition()), what);

    public static async Task UntilAsync(Func<Task<bool>> condition, string what, TimeSpan? timeout = null)
    {
        var limit = timeout ?? s_defaultTimeout;
        var deadline = DateTime.UtcNow + limit;
        while (!await condition())
        {
            if (DateTime.UtcNow > deadline)
            {
                Assert.Fail($"Timed out after {limit} waiting until {what}.");
            }

            await Task.Delay(20);
        }
    }
}
