using Fractal.Durable.Functions;
using Microsoft.AspNetCore.Http;

namespace Fractal.Durable.Tests.Hosting;

public static class DuplicateNameFunctions
{
    [Function("Same")]
    public static IResult First([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "a")] HttpRequest request) => Results.Ok();

    [Function("Same")]
    public static IResult Second([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "b")] HttpRequest request) => Results.Ok();
}
