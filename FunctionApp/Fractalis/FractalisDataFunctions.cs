using System.Text.Json;
using Fractal.Etl.Handlers;
using Fractal.FunctionApp.Data;
using Fractal.FunctionApp.Sessions;
using Fractal.FunctionApp.Web;
using Microsoft.DurableTask.Client;

namespace Fractal.FunctionApp.Fractalis;

/// <summary>
/// Fractalis' version and data routes, as Fractal.js calls them: no function key, the session in a
/// cookie made by the first request that stores something (a load), errors as <c>{"error": ...}</c>. A read
/// without a cookie answers as an empty session and sets none, so that Fractal.js' first calls, which race
/// without a cookie, cannot leave the browser holding a session other than the one its data went into. Loading and deleting go through
/// <see cref="DataLoads"/>, as <c>/api/data</c> does; another session's ids are 404. Every error, wherever
/// it is found (a malformed body, a bad session id), is answered in Fractalis' shape.
/// </summary>
[FractalisDataErrors]
public sealed class FractalisDataFunctions
{
    /// <summary>The Fractalis API level served; Fractal.js warns when its major.minor differs.</summary>
    public const string ApiVersion = "1.4.0";

    private readonly DataLoads _loads;
    private readonly DatasetRepository _datasets;

    public FractalisDataFunctions(DataLoads loads, DatasetRepository datasets)
    {
        _loads = loads;
        _datasets = datasets;
    }

    [Function("Fractalis_Version")]
    public static IResult Version(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = FractalisRoutes.Base + "misc/version")] HttpRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        return Results.Json(new { version = ApiVersion }, statusCode: StatusCodes.Status201Created);
    }

    [Function("Fractalis_Data_List")]
    public async Task<IResult> ListAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = FractalisRoutes.Base + "data")] HttpRequest request,
        CancellationToken cancellationToken)
    {
        var records = Session.Find(request) is { } session ? await _loads.ListAsync(session, cancellationToken) : [];
        return Results.Ok(new { data_states = records.Select(FractalisDataState.From) });
    }

    [Function("Fractalis_Data_Create")]
    public async Task<IResult> CreateAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = FractalisRoutes.Base + "data")] HttpRequest request,
        [DurableClient] DurableTaskClient client,
        CancellationToken cancellationToken)
    {
        try
        {
            var body = await request.ReadJsonBodyAsync<JsonElement>(cancellationToken: cancellationToken);
            if (MissingField(body) is { } problem)
            {
                return FractalisErrors.Data(StatusCodes.Status400BadRequest, problem);
            }

            var etl = body.Deserialize<EtlRequest>(JsonSerializerOptions.Web)!;
            await _loads.StartAsync(etl, () => Session.FindOrCreate(request), client, cancellationToken);
            return Results.StatusCode(StatusCodes.Status201Created);
        }
        catch (JsonException error)
        {
            return FractalisErrors.Data(StatusCodes.Status400BadRequest, $"The request body does not fit the data schema: {error.Message}");
        }
    }

    [Function("Fractalis_Data_Meta")]
    public async Task<IResult> MetaAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = FractalisRoutes.Base + "data/meta/{taskId}")] HttpRequest request,
        string taskId,
        CancellationToken cancellationToken)
    {
        var record = Session.Find(request) is { } session ? await _datasets.GetAsync(session, taskId, cancellationToken) : null;
        return record is null
            ? NotInSession(taskId)
            : Results.Ok(new { meta = new { descriptor = record.Descriptor, features = record.Features } });
    }

    [Function("Fractalis_Data_Delete")]
    public async Task<IResult> DeleteAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "delete", Route = FractalisRoutes.Base + "data/{taskId}")] HttpRequest request,
        string taskId,
        CancellationToken cancellationToken)
    {
        var deleted = Session.Find(request) is { } session && await _datasets.DeleteAsync(session, taskId, cancellationToken);
        return deleted ? Results.Ok() : NotInSession(taskId);
    }

    [Function("Fractalis_Data_DeleteAll")]
    public async Task<IResult> DeleteAllAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "delete", Route = FractalisRoutes.Base + "data")] HttpRequest request,
        CancellationToken cancellationToken)
    {
        if (Session.Find(request) is { } session)
        {
            await _loads.DeleteAllAsync(session, cancellationToken);
        }

        return Results.Ok();
    }

    private static IResult NotInSession(string taskId) =>
        FractalisErrors.Data(StatusCodes.Status404NotFound, $"Task ID '{taskId}' not found in session.");

    /// <summary>Fractalis' data schema: handler and server strings, a non-empty auth object, non-empty descriptor objects.</summary>
    private static string? MissingField(JsonElement body)
    {
        if (body.ValueKind != JsonValueKind.Object)
        {
            return "The request body must be a JSON object with handler, server, auth and descriptors.";
        }

        foreach (var name in new[] { "handler", "server" })
        {
            if (!body.TryGetProperty(name, out var value) || value.ValueKind != JsonValueKind.String || value.GetString()!.Length == 0)
            {
                return $"'{name}' is a required non-empty string.";
            }
        }

        if (!body.TryGetProperty("auth", out var auth) || auth.ValueKind != JsonValueKind.Object || !auth.EnumerateObject().Any())
        {
            return "'auth' is a required non-empty object.";
        }

        if (!body.TryGetProperty("descriptors", out var descriptors) || descriptors.ValueKind != JsonValueKind.Array || descriptors.GetArrayLength() == 0)
        {
            return "'descriptors' is a required non-empty list.";
        }

        var index = 0;
        foreach (var descriptor in descriptors.EnumerateArray())
        {
            if (descriptor.ValueKind != JsonValueKind.Object || !descriptor.EnumerateObject().Any())
            {
                return $"'descriptors[{index}]' must be a non-empty object.";
            }

            index++;
        }

        return null;
    }
}
