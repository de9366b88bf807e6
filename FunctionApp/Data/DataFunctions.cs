using System.Globalization;
using Fractal.Domain.Data;
using Fractal.Etl.Handlers;
using Fractal.FunctionApp.Sessions;
using Fractal.FunctionApp.Web;
using Microsoft.DurableTask.Client;

namespace Fractal.FunctionApp.Data;

/// <summary>
/// The data API: <c>POST /api/data</c> validates a request and starts one ETL orchestration for all
/// its descriptors; the other routes list, describe, preview and delete the session's datasets.
/// Another session's ids are answered 404, never 403.
/// </summary>
public sealed class DataFunctions
{
    private const int MaxPreviewRows = 10_000;
    private readonly DatasetRepository _datasets;
    private readonly DataLoads _loads;

    public DataFunctions(DatasetRepository datasets, DataLoads loads)
    {
        _datasets = datasets;
        _loads = loads;
    }

    [Function("Data_Load")]
    public async Task<IResult> LoadAsync(
        [HttpTrigger(AuthorizationLevel.Function, "post", Route = "data")] HttpRequest request,
        [DurableClient] DurableTaskClient client,
        CancellationToken cancellationToken)
    {
        var etl = await request.ReadJsonBodyAsync<EtlRequest>(cancellationToken: cancellationToken);
        var (instanceId, dataIds) = await _loads.StartAsync(etl, () => Session.FindOrCreate(request), client, cancellationToken);
        var payload = client.CreateHttpManagementPayload(instanceId);
        request.HttpContext.Response.Headers.Location = payload.StatusQueryGetUri;
        return Results.Json(new DataLoadAccepted(payload, dataIds), statusCode: StatusCodes.Status202Accepted);
    }

    [Function("Data_List")]
    public async Task<IResult> ListAsync(
        [HttpTrigger(AuthorizationLevel.Function, "get", Route = "data")] HttpRequest request,
        CancellationToken cancellationToken)
    {
        var session = Session.Find(request);
        return Results.Ok(new { datasets = session is null ? [] : await _loads.ListAsync(session, cancellationToken) });
    }

    [Function("Data_Meta")]
    public async Task<IResult> MetaAsync(
        [HttpTrigger(AuthorizationLevel.Function, "get", Route = "data/{dataId}/meta")] HttpRequest request,
        string dataId,
        CancellationToken cancellationToken)
    {
        var record = await FindAsync(request, dataId, cancellationToken);
        return Results.Ok(new { meta = record.ToMetadata(), descriptor = record.Descriptor, etl_state = record.EtlState, etl_message = record.EtlMessage });
    }

    [Function("Data_Rows")]
    public async Task<IResult> RowsAsync(
        [HttpTrigger(AuthorizationLevel.Function, "get", Route = "data/{dataId}/rows")] HttpRequest request,
        string dataId,
        CancellationToken cancellationToken)
    {
        var record = await FindAsync(request, dataId, cancellationToken);
        var offset = Number(request, "offset", 0, long.MaxValue, 0);
        var limit = Number(request, "limit", 1, MaxPreviewRows, 100);
        if (record.EtlState != EtlState.Success)
        {
            throw new HttpProblemException(StatusCodes.Status409Conflict, $"Dataset '{dataId}' is {record.EtlState}; rows are there once it is {EtlState.Success}.");
        }

        var table = await _datasets.ReadTableAsync(Session.Find(request)!, dataId, offset, limit, cancellationToken)
            ?? throw HttpProblemException.NotFound($"Dataset '{dataId}' has no data.");
        var rows = Enumerable.Range(0, table.RowCount).Select(i => new
        {
            id = table.Ids[i],
            feature = table.Features[i],
            value = table.DataType == DataType.Categorical ? (object?)table.Labels[i] : NumberOrNull(table.Numbers[i]),
        });
        return Results.Ok(new { data_id = dataId, offset, limit, total = record.RowCount, rows });
    }

    [Function("Data_Delete")]
    public async Task<IResult> DeleteAsync(
        [HttpTrigger(AuthorizationLevel.Function, "delete", Route = "data/{dataId}")] HttpRequest request,
        string dataId,
        CancellationToken cancellationToken)
    {
        var record = await FindAsync(request, dataId, cancellationToken);
        await _datasets.DeleteAsync(Session.Find(request)!, record.DataId, cancellationToken);
        return Results.NoContent();
    }

    [Function("Data_DeleteAll")]
    public async Task<IResult> DeleteAllAsync(
        [HttpTrigger(AuthorizationLevel.Function, "delete", Route = "data")] HttpRequest request,
        CancellationToken cancellationToken)
    {
        var session = Session.Find(request);
        return Results.Ok(new { deleted = session is null ? 0 : await _loads.DeleteAllAsync(session, cancellationToken) });
    }

    private async Task<DatasetRecord> FindAsync(HttpRequest request, string dataId, CancellationToken cancellationToken)
    {
        var session = Session.Find(request);
        return (session is null ? null : await _datasets.GetAsync(session, dataId, cancellationToken))
            ?? throw HttpProblemException.NotFound($"This session has no dataset '{dataId}'.");
    }

    private static long Number(HttpRequest request, string name, long min, long max, long fallback)
    {
        var text = request.Query[name].ToString();
        if (text.Length == 0)
        {
            return fallback;
        }

        return long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value) && value >= min && value <= max
            ? value
            : throw HttpProblemException.BadRequest(name, $"{name} must be a whole number from {min} to {max}.");
    }

    private static double? NumberOrNull(double value) => double.IsFinite(value) ? value : null;
}
