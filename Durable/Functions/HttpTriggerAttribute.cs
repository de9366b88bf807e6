namespace Fractal.Durable.Functions;

/// <summary>Binds a function's <see cref="Microsoft.AspNetCore.Http.HttpRequest"/> parameter to an HTTP route.</summary>
[AttributeUsage(AttributeTargets.Parameter, AllowMultiple = false, Inherited = false)]
public sealed class HttpTriggerAttribute : Attribute
{
    /// <summary>Declares an HTTP trigger.</summary>
    /// <param name="authLevel">Who may call the function.</param>
    /// <param name="methods">The HTTP methods served; none means every method.</param>
    public HttpTriggerAttribute(AuthorizationLevel authLevel, params string[] methods)
    {
        AuthLevel = authLevel;
        Methods = methods ?? [];
    }

    /// <summary>Who may call the function.</summary>
    public AuthorizationLevel AuthLevel { get; }

    /// <summary>The HTTP methods served.</summary>
    public IReadOnlyList<string> Methods { get; }

    /// <summary>The route template below the route prefix; the function's name when unset.</summary>
    public string? Route { get; set; }
}
