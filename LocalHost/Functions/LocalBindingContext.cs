using Microsoft.Azure.Functions.Worker;

namespace Fractal.LocalHost.Functions;

/// <summary>The binding data of one local invocation (route values, query values...).</summary>
public sealed class LocalBindingContext : BindingContext
{
    /// <summary>Creates a binding context over <paramref name="bindingData"/>.</summary>
    public LocalBindingContext(IReadOnlyDictionary<string, object?> bindingData)
    {
        ArgumentNullException.ThrowIfNull(bindingData);
        BindingData = bindingData;
    }

    /// <inheritdoc />
    public override IReadOnlyDictionary<string, object?> BindingData { get; }
}
