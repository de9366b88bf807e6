using Fractal.Durable.Engine;

namespace Fractal.Bench.Engine;

/// <summary>The orchestrations the benchmark runs: the hello sample's chain of three, and a fan-out/fan-in.</summary>
internal static class BenchFunctions
{
    public const string Hello = "HelloCities";
    public const string FanOut = "FanOutSum";

    public static readonly IReadOnlyList<string> HelloOutput = ["Hello Tokyo!", "Hello Seattle!", "Hello London!"];

    public static DurableFunctionRegistry CreateRegistry() => new DurableFunctionRegistry()
        .AddActivity<string, string>("SayHello", city => Task.FromResult($"Hello {city}!"))
        .AddOrchestrator(Hello, async context => new List<string>
        {
            await context.CallActivityAsync<string>("SayHello", "Tokyo"),
            await context.CallActivityAsync<string>("SayHello", "Seattle"),
            await context.CallActivityAsync<string>("SayHello", "London"),
        })
        .AddActivity<int, int>("Identity", i => Task.FromResult(i))
        .AddOrchestrator(FanOut, async context =>
        {
            var count = context.GetInput<int>();
            var results = await Task.WhenAll(Enumerable.Range(0, count).Select(i => context.CallActivityAsync<int>("Identity", i)));
            return results.Sum(r => (long)r);
        });

    /// <summary>The sum a fan-out of <paramref name="count"/> must return: 0 + 1 + ... + (count - 1).</summary>
    public static long ExpectedSum(int count) => (long)count * (count - 1) / 2;
}
