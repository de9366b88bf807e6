using Fractal.Durable.Functions;
using Microsoft.AspNetCore.Http;

namespace Fractal.Durable.Tests.Hosting;

public static class TriggerlessFunctions
{
    [Function("NoTrigger")]
    public static IResult Run(HttpRequest request) => Results.Ok();
}
