using Fractal.Durable.Functions;
using Microsoft.AspNetCore.Http;

namespace Fractal.Durable.Tests.Hosting;

/// <summary>A function class whose contract answers errors as <c>{"message": ...}</c>, not as problem details.</summary>
[MessageErrors]
public sealed class ShapedErrorFunctions
{
    [Function("Shaped_Refused")]
    public static IResult Refused([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "shaped/refused")] HttpRequest request) =>
        throw new HttpProblemException(StatusCodes.Status409Conflict, "refused on purpose", "thing");
}
