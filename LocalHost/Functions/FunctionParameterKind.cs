namespace Fractal.LocalHost.Functions;

/// <summary>Where the value of a function's parameter comes from.</summary>
public enum FunctionParameterKind
{
    /// <summary>The trigger's input (the request, the orchestration context, the activity input...).</summary>
    Trigger,

    /// <summary>The invocation's <see cref="Microsoft.Azure.Functions.Worker.FunctionContext"/>.</summary>
    FunctionContext,

    /// <summary>The invocation's cancellation token.</summary>
    CancellationToken,

    /// <summary>An <see cref="Microsoft.Extensions.Logging.ILogger"/> for the function.</summary>
    Logger,

    /// <summary>A parameter with an input binding attribute (for example <c>[DurableClient]</c>).</summary>
    InputBinding,

    /// <summary>A service resolved from the invocation's service provider.</summary>
    Service,
}
