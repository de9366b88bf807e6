using Fractal.Domain.Data;
using Fractal.Etl.Handlers;

namespace Fractal.FunctionApp.Data;

/// <summary>
/// <c>GET /api/handlers</c>: the ETL handlers this app runs (registered and allow-listed by <c>FRACTAL_ETL_HANDLERS</c>)
/// and the data types a descriptor may ask for, from which a client builds the form of <c>POST /api/data</c>.
/// </summary>
public sealed class HandlerCatalogFunction
{
    private readonly EtlHandlerRegistry _handlers;

    public HandlerCatalogFunction(EtlHandlerRegistry handlers)
    {
        _handlers = handlers;
    }

    [Function("Handlers_Catalog")]
    public IResult Catalog(
        [HttpTrigger(AuthorizationLevel.Function, "get", Route = "handlers")] HttpRequest request) =>
        Results.Json(new
        {
            handlers = _handlers.AllowedHandlers.Select(handler => new { name = handler.Name, description = handler.Description }),
            data_types = DataTypeNames.All,
        });
}
