namespace Fractal.LocalHost.Functions;

/// <summary>
/// One invocation as it travels through the worker middleware (kept in <c>FunctionContext.Features</c>): the function, its
/// trigger input and, once the function has run to its end, the value it produced.
/// </summary>
internal sealed class FunctionInvocation
{
    public FunctionInvocation(FunctionDescriptor function, object? triggerInput)
    {
        Function = function;
        TriggerInput = triggerInput;
    }

    public FunctionDescriptor Function { get; }

    public object? TriggerInput { get; }

    /// <summary>Whether the function ran to its end (middleware may answer without calling it).</summary>
    public bool Returned { get; set; }

    /// <summary>The value the function produced, once awaited (none: <see langword="null"/>).</summary>
    public object? Result { get; set; }
}
