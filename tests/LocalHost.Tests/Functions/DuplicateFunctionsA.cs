using Microsoft.Azure.Functions.Worker;

namespace Fractal.LocalHost.Tests.Functions;

/// <summary>Declares the function <c>Twin</c>, as <see cref="DuplicateFunctionsB"/> does.</summary>
public static class DuplicateFunctionsA
{
    [Function("Twin")]
    public static string Twin([ActivityTrigger] string input) => input;
}
