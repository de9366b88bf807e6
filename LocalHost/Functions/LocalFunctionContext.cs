using System.Diagnostics;
using Microsoft.Azure.Functions.Worker;

namespace Fractal.LocalHost.Functions;

/// <summary>
/// The <see cref="FunctionContext"/> of one invocation in the local host, whatever its trigger. For an HTTP trigger the
/// request's <c>HttpContext</c> is in <see cref="Items"/> under <see cref="HttpContextItemKey"/>, where the ASP.NET Core
/// integration's <c>GetHttpContext()</c> looks for it.
/// </summary>
public sealed class LocalFunctionContext : FunctionContext
{
    /// <summary>The item key under which the worker's ASP.NET Core integration keeps the request's <c>HttpContext</c>.</summary>
    public const string HttpContextItemKey = "HttpRequestContext";

    private readonly CancellationToken _cancellationToken;

    /// <summary>Creates the context of one invocation of <paramref name="function"/>.</summary>
    /// <param name="function">The function invoked.</param>
    /// <param name="instanceServices">The invocation's services (a scope of the host's).</param>
    /// <param name="cancellationToken">Cancelled when the invocation should stop.</param>
    /// <param name="bindingData">Binding data (route values...), or none.</param>
    public LocalFunctionContext(
        FunctionDescriptor function,
        IServiceProvider instanceServices,
        CancellationToken cancellationToken,
        IReadOnlyDictionary<string, object?>? bindingData = null)
    {
        ArgumentNullException.ThrowIfNull(function);
        ArgumentNullException.ThrowIfNull(instanceServices);
        Function = function;
        InstanceServices = instanceServices;
        FunctionDefinition = new LocalFunctionDefinition(function);
        BindingContext = new LocalBindingContext(bindingData ?? new Dictionary<string, object?>());
        TraceContext = new LocalTraceContext(Activity.Current);
        _cancellationToken = cancellationToken;
    }

    /// <summary>The function invoked.</summary>
    public FunctionDescriptor Function { get; }

    /// <inheritdoc />
    public override string InvocationId { get; } = Guid.NewGuid().ToString();

    /// <inheritdoc />
    public override string FunctionId => FunctionDefinition.Id;

    /// <inheritdoc />
    public override TraceContext TraceContext { get; }

    /// <inheritdoc />
    public override BindingContext BindingContext { get; }

    /// <inheritdoc />
    public override RetryContext RetryContext => LocalRetryContext.None;

    /// <inheritdoc />
    public override IServiceProvider InstanceServices { get; set; }

    /// <inheritdoc />
    public override FunctionDefinition FunctionDefinition { get; }

    /// <inheritdoc />
    public override IDictionary<object, object> Items { get; set; } = new Dictionary<object, object>();

    /// <inheritdoc />
    public override IInvocationFeatures Features { get; } = new LocalInvocationFeatures();

    /// <inheritdoc />
    public override CancellationToken CancellationToken => _cancellationToken;
}
