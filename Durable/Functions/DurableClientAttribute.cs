namespace Fractal.Durable.Functions;

/// <summary>Binds a function parameter to the app's <c>DurableTaskClient</c>.</summary>
[AttributeUsage(AttributeTargets.Parameter, AllowMultiple = false, Inherited = false)]
public sealed class DurableClientAttribute : Attribute;
