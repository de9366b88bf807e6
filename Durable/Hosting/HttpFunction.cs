using Fractal.Durable.Functions;

namespace Fractal.Durable.Hosting;

/// <summary>An HTTP-triggered function: its route below the prefix, methods and authorization level.</summary>
internal sealed record HttpFunction(FunctionMethod Function, string Route, IReadOnlyList<string> Methods, AuthorizationLevel AuthLevel);
