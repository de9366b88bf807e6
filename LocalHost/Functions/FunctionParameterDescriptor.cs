using System.Reflection;
using Microsoft.Azure.Functions.Worker.Extensions.Abstractions;

namespace Fractal.LocalHost.Functions;

/// <summary>One parameter of a function and where its value comes from.</summary>
public sealed class FunctionParameterDescriptor
{
    internal FunctionParameterDescriptor(ParameterInfo parameter, FunctionParameterKind kind, BindingAttribute? binding)
    {
        Parameter = parameter;
        Kind = kind;
        Binding = binding;
    }

    /// <summary>The reflected parameter.</summary>
    public ParameterInfo Parameter { get; }

    /// <summary>The parameter's name.</summary>
    public string Name => Parameter.Name ?? string.Empty;

    /// <summary>The parameter's declared type.</summary>
    public Type ParameterType => Parameter.ParameterType;

    /// <summary>Where the value comes from.</summary>
    public FunctionParameterKind Kind { get; }

    /// <summary>The trigger or input binding attribute on the parameter, if any.</summary>
    public BindingAttribute? Binding { get; }
}
