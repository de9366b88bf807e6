namespace Fractal.LocalHost.Tests.Functions;

/// <summary>A service the invoker tests' functions take from DI.</summary>
public sealed class GreetingService
{
    public string Salutation { get; init; } = "Hi";

    public string Greet(string name) => $"{Salutation} {name}";
}
