using Microsoft.Azure.Functions.Worker;

namespace Fractal.LocalHost.Functions;

/// <summary>A binding of a function, as <c>functions.metadata</c> names it (<c>httpTrigger</c>, <c>activityTrigger</c>, <c>http</c>...).</summary>
internal sealed class LocalBindingMetadata : BindingMetadata
{
    public LocalBindingMetadata(string name, string type, BindingDirection direction)
    {
        Name = name;
        Type = type;
        Direction = direction;
    }

    public override string Name { get; }

    public override string Type { get; }

    public override BindingDirection Direction { get; }
}
