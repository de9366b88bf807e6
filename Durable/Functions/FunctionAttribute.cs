namespace Fractal.Durable.Functions;

/// <summary>Marks a method as a function that the host discovers at start-up.</summary>
[AttributeUsage(AttributeTargets.Method, AllowMultiple = false, Inherited = false)]
public sealed class FunctionAttribute : Attribute
{
    /// <summary>Declares a function.</summary>
    /// <param name="name">The function's name, unique within the app.</param>
    public FunctionAttribute(string name)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        Name = name;
    }

    /// <summary>The function's name.</summary>
    public string Name { get; }
}
