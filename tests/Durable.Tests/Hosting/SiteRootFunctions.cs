using Fractal.Durable.Functions;
using Microsoft.AspNetCore.Cors;
using Microsoft.AspNetCore.Http;

namespace Fractal.Durable.Tests.Hosting;

/// <summary>Functions served from the site root, and one that allows cross-origin calls.</summary>
public static class SiteRootFunctions
{
    public const string CorsPolicy = "test-origins";

    [Function("Rooted")]
    public static IResult Rooted([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "~/%ROOTED_BASE%/rooted")] HttpRequest request) =>
        Results.Text("rooted");

    [Function("Shared")]
    [EnableCors(CorsPolicy)]
    public static IResult Shared([HttpTrigger(AuthorizationLevel.Anonymous, "get", "post", Route = "shared")] HttpRequest request) =>
        Results.Text("shared");
}
