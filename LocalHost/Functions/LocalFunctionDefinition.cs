using System.Collections.Immutable;
using Microsoft.Azure.Functions.Worker;

namespace Fractal.LocalHost.Functions;

/// <summary>The worker's view of a function (<see cref="FunctionDefinition"/>), built from a <see cref="FunctionDescriptor"/>.</summary>
public sealed class LocalFunctionDefinition : FunctionDefinition
{
    private const string ReturnBindingName = "$return";

    /// <summary>Describes <paramref name="function"/>.</summary>
    public LocalFunctionDefinition(FunctionDescriptor function)
    {
        ArgumentNullException.ThrowIfNull(function);
        Name = function.Name;
        Id = function.Name;
        EntryPoint = function.EntryPoint;
        PathToAssembly = function.DeclaringType.Assembly.Location;
        Parameters = [.. function.Parameters.Select(p => new FunctionParameter(p.Name, p.ParameterType))];
        InputBindings = ImmutableDictionary<string, BindingMetadata>.Empty
            .Add(function.Trigger.Name, new LocalBindingMetadata(function.Trigger.Name, BindingType(function.TriggerAttribute), BindingDirection.In));
        OutputBindings = function.TriggerKind == FunctionTriggerKind.Http
            ? ImmutableDictionary<string, BindingMetadata>.Empty.Add(ReturnBindingName, new LocalBindingMetadata(ReturnBindingName, "http", BindingDirection.Out))
            : ImmutableDictionary<string, BindingMetadata>.Empty;
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
    public override IImmutableDictionary<string, BindingMetadata> InputBindings { get; }

    /// <inheritdoc />
    public override IImmutableDictionary<string, BindingMetadata> OutputBindings { get; }

    /// <summary>The binding type <c>functions.metadata</c> gives an attribute: its name without <c>Attribute</c>, camel-cased.</summary>
    private static string BindingType(Attribute attribute)
    {
        var name = attribute.GetType().Name;
        name = name.EndsWith(nameof(Attribute), StringComparison.Ordinal) ? name[..^nameof(Attribute).Length] : name;
        return string.Concat(char.ToLowerInvariant(name[0]).ToString(), name[1..]);
    }
}
