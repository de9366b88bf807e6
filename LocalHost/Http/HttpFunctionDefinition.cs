using System.Collections.Immutable;
using Microsoft.Azure.Functions.Worker;

namespace Fractal.LocalHost.Http;

/// <summary>The <see cref="FunctionDefinition"/> of an HTTP-triggered function: its trigger in, its response out.</summary>
internal sealed class HttpFunctionDefinition : FunctionDefinition
{
    public HttpFunctionDefinition(HttpFunction function)
    {
        ArgumentNullException.ThrowIfNull(function);
        Name = function.Name;
        Id = function.Name;
        EntryPoint = $"{function.Method.DeclaringType!.FullName}.{function.Method.Name}";
        PathToAssembly = function.Method.DeclaringType.Assembly.Location;
        Parameters = [.. function.Method.GetParameters().Select(p => new FunctionParameter(p.Name!, p.ParameterType))];
        InputBindings = ImmutableDictionary<string, BindingMetadata>.Empty
            .Add(function.TriggerParameterName, new HttpBindingMetadata(function.TriggerParameterName, "httpTrigger", BindingDirection.In));
        OutputBindings = ImmutableDictionary<string, BindingMetadata>.Empty
            .Add("$return", new HttpBindingMetadata("$return", "http", BindingDirection.Out));
    }

    public override ImmutableArray<FunctionParameter> Parameters { get; }

    public override string PathToAssembly { get; }

    public override string EntryPoint { get; }

    public override string Id { get; }

    public override string Name { get; }

    public override IImmutableDictionary<string, BindingMetadata> InputBindings { get; }

    public override IImmutableDictionary<string, BindingMetadata> OutputBindings { get; }
}
