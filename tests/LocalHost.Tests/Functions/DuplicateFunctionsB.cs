using Microsoft.Azure.Functions.Worker;

namespace Fractal.LocalHost.Tests.Functions;

/// <summary>Declares the function <c>Twin</c> a second time.</summary>
public static class DuplicateFunctionsB
{
    [Function("twin")]
    public static string Twin([ActivityTrigger] string input) => input;
}
