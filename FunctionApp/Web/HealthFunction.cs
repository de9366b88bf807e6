
namespace Fractal.FunctionApp.Web;

/// <summary><c>GET /api/health</c>: whether the host runs and its storage answers.</summary>
public sealed class HealthFunction
{
    private readonly StorageHealthProbe _storage;

    public HealthFunction(StorageHealthProbe storage)
    {
        _storage = storage;
    }

    [Function("Health")]
    public async Task<IResult> RunAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "health")] HttpRequest request,
        CancellationToken cancellationToken)
    {
        var storage = await _storage.CheckAsync(cancellationToken);
        var body = new
        {
            status = storage.Reachable ? "healthy" : "degraded",
            storage = new { kind = storage.Kind, reachable = storage.Reachable, error = storage.Error },
        };
        return Results.Json(body, statusCode: storage.Reachable ? StatusCodes.Status200OK : StatusCodes.Status503ServiceUnavailable);
    }
}
