using Microsoft.Azure.Functions.Worker;

namespace Fractal.LocalHost.Http;

/// <summary>A binding of an HTTP function, as <c>functions.metadata</c> names it.</summary>
internal sealed class HttpBindingMetadata : BindingMetadata
{
    public HttpBindingMetadata(string name, string type, BindingDirection direction)
    {
        Name = name;
        Type = type;
        Direction = direction;
    }

    public override string Name { get; }

    public override string Type { get; }

    public override BindingDirection Direction { get; }
}
