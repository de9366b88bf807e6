using Microsoft.Azure.Functions.Worker;
using Microsoft.Azure.Functions.Worker.Middleware;

namespace Fractal.LocalHost.Functions;

/// <summary>
/// The local host's <see cref="IFunctionsWorkerApplicationBuilder"/>: the app's own registration method
/// (services, <c>UseMiddleware&lt;T&gt;()</c>) is applied to it exactly as <c>Program.cs</c> applies it in Azure,
/// and <see cref="BuildPipeline"/> wraps every invocation in that middleware, first registered outermost.
/// </summary>
public sealed class WorkerApplicationBuilder : IFunctionsWorkerApplicationBuilder
{
    private readonly List<Func<FunctionExecutionDelegate, FunctionExecutionDelegate>> _middleware = [];

    /// <summary>Creates a builder over <paramref name="services"/>.</summary>
    public WorkerApplicationBuilder(IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        Services = services;
    }

    /// <inheritdoc />
    public IServiceCollection Services { get; }

    /// <inheritdoc />
    public IFunctionsWorkerApplicationBuilder Use(Func<FunctionExecutionDelegate, FunctionExecutionDelegate> middleware)
    {
        ArgumentNullException.ThrowIfNull(middleware);
        _middleware.Add(middleware);
        return this;
    }

    /// <summary>The registered middleware around <paramref name="invocation"/>.</summary>
    public FunctionExecutionDelegate BuildPipeline(FunctionExecutionDelegate invocation)
    {
        ArgumentNullException.ThrowIfNull(invocation);
        var pipeline = invocation;
        for (var i = _middleware.Count - 1; i >= 0; i--)
        {
            pipeline = _middleware[i](pipeline);
        }

        return pipeline;
    }
}
