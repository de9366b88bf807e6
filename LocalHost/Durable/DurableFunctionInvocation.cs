using Fractal.LocalHost.Functions;

namespace Fractal.LocalHost.Durable;

/// <summary>Invokes an orchestrator or activity function in a DI scope of its own, with the instance ID as binding data.</summary>
internal static class DurableFunctionInvocation
{
    /// <remarks>Awaited without <c>ConfigureAwait(false)</c>: orchestrators must stay on DTFx's orchestration scheduler.</remarks>
    public static async Task<object?> InvokeAsync(
        FunctionInvoker invoker, FunctionDescriptor function, IServiceProvider services, string instanceId, object? triggerInput, CancellationToken cancellationToken)
    {
        await using var scope = services.CreateAsyncScope();
        var context = new LocalFunctionContext(
            function, scope.ServiceProvider, cancellationToken, new Dictionary<string, object?> { ["instanceId"] = instanceId });
        return await invoker.InvokeAsync(function, context, triggerInput);
    }
}
