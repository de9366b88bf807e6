using Microsoft.Azure.Functions.Worker;

namespace Fractal.LocalHost.Functions;

/// <summary>
/// Supplies the value of parameters that carry an input binding attribute (for example <c>[DurableClient]</c>).
/// Register implementations in DI; the <see cref="FunctionInvoker"/> asks each in turn.
/// </summary>
public interface IFunctionInputBinder
{
    /// <summary>Whether this binder supplies <paramref name="parameter"/>.</summary>
    bool CanBind(FunctionParameterDescriptor parameter);

    /// <summary>The value of <paramref name="parameter"/> for the invocation of <paramref name="context"/>.</summary>
    ValueTask<object?> BindAsync(FunctionParameterDescriptor parameter, FunctionContext context);
}
