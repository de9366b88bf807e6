using Fractal.LocalHost.Functions;
using Microsoft.Extensions.DependencyInjection;

namespace Fractal.LocalHost.Tests.Functions;

public sealed class FunctionInvokerTests
{
    private static readonly FunctionIndex s_index = FunctionIndex.FromTypes([typeof(InvokerTestFunctions)]);

    private static ServiceProvider Services(bool withGreetings = true)
    {
        var services = new ServiceCollection().AddLogging();
        if (withGreetings)
        {
            services.AddSingleton<GreetingService>();
        }

        return services.BuildServiceProvider();
    }

    [Fact]
    public async Task InvokeAsync_InstanceMethod_BindsEveryParameterAndAwaitsTheValueTask()
    {
        using var services = Services();
        Assert.True(s_index.TryGetFunction(nameof(InvokerTestFunctions.Greet), out var function));
        var context = new LocalFunctionContext(function, services, CancellationToken.None);

        var result = await new FunctionInvoker([]).InvokeAsync(function, context, "Ada");

        Assert.Equal("Hi Ada from Greet", result);
    }

    [Fact]
    public async Task InvokeAsync_TaskWithoutResult_ReturnsNull()
    {
        using var services = Services();
        Assert.True(s_index.TryGetFunction(nameof(InvokerTestFunctions.Nothing), out var function));

        var result = await new FunctionInvoker([]).InvokeAsync(function, new LocalFunctionContext(function, services, default), "x");

        Assert.Null(result);
    }

    [Fact]
    public async Task InvokeAsync_ServiceMissing_FailsNamingTheParameter()
    {
        using var services = Services(withGreetings: false);
        Assert.True(s_index.TryGetFunction(nameof(InvokerTestFunctions.Greet), out var function));

        var error = await Assert.ThrowsAsync<InvalidOperationException>(
            () => new FunctionInvoker([]).InvokeAsync(function, new LocalFunctionContext(function, services, default), "Ada"));

        Assert.Contains("GreetingService", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task InvokeAsync_CancelledToken_ReachesTheFunction()
    {
        using var services = Services();
        Assert.True(s_index.TryGetFunction(nameof(InvokerTestFunctions.Greet), out var function));
        using var cancelled = new CancellationTokenSource();
        await cancelled.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(
            () => new FunctionInvoker([]).InvokeAsync(function, new LocalFunctionContext(function, services, cancelled.Token), "Ada"));
    }
}
