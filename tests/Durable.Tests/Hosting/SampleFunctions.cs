using System.Text.Json;
using Fractal.Durable.Functions;
using Microsoft.AspNetCore.Http;

namespace Fractal.Durable.Tests.Hosting;

/// <summary>Functions the host tests serve.</summary>
public sealed class SampleFunctions
{
    [Function("Open")]
    public static IResult Open([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "open")] HttpRequest request) =>
        Results.Ok(new { open = true });

    [Function("Guarded")]
    public static IResult Guarded([HttpTrigger(AuthorizationLevel.Function, "get", Route = "guarded")] HttpRequest request) =>
        Results.Ok(new { guarded = true });

    [Function("Echo")]
    public static async Task<IResult> EchoAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "echo")] HttpRequest request,
        CancellationToken cancellationToken)
    {
        var body = await request.ReadJsonBodyAsync<JsonElement>(cancellationToken: cancellationToken);
        return Results.Ok(body);
    }

    [Function("Item")]
    public static object Item(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "items/{id:int}/{name}")] HttpRequest request,
        int id,
        string name) => new { id, name };

    [Function("DefaultRoute")]
    public static IResult DefaultRoute([HttpTrigger(AuthorizationLevel.Anonymous, "get")] HttpRequest request) =>
        Results.Text("by name");

    [Function("Broken")]
    public static IResult Broken([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "broken")] HttpRequest request) =>
        throw new InvalidOperationException("secret internals");
}
