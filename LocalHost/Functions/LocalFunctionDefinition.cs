using System.Collections.Immutable;
using Microsoft.Azure.Functions.Worker;

namespace Fractal.LocalHost.Functions;

/// <summary>The worker's view of a function (<see cref="FunctionDefinition"/>), built from a <see cref="FunctionDescriptor"/>.</summary>
public sealed class LocalFunctionDefinition : FunctionDefinition
{
    /// <summary>Describes <paramref name="function"/>.</summary>
    public LocalFunctionDefinition(FunctionDescriptor function)
    {
        ArgumentNullException.ThrowIfNull(function);
        Name = function.Name;
        Id = function.Name;
        EntryPoint = function.EntryPoint;
        PathToAssembly = function.DeclaringType.Assembly.Location;
        Parameters = [.. function.Parameters.Select(p => new FunctionParameter(p.Name, p.ParameterType))];
    }

    /// <inheritdoc />
    public override ImmutableArray<FunctionParameter> Parameters { get; }

    /// <inheritdoc />
    public override string PathToAssembly { get; }

    /// <inheritdoc />
    public override string EntryPoint { get; }

    /// <inheritdoc />
    public override string Id { get; }

    /// <inheritdoc />
    public override string Name { get; }

    /// <inheritdoc />
    public override IImmutableDictionary<string, BindingMetadata> InputBindings { get; } = ImmutableDictionary<string, BindingMetadata>.Empty;

    /// <inheritdoc />
    public override IImmutableDictionary<string, BindingMetadata> OutputBindings { get; } = ImmutableDictionary<string, BindingMetadata>.Empty;
}
