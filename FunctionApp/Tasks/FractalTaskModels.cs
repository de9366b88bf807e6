using Fractal.FunctionApp.Tasks.Definitions;
using Fractal.FunctionApp.Tasks.Models.FrontierAggregation;
using Fractal.FunctionApp.Tasks.Models.IngestAndAggregate;
using Fractal.FunctionApp.Tasks.Models.LogIngest;

namespace Fractal.FunctionApp.Tasks;

/// <summary>The batch models the app ships: adding one is its folder under <c>Tasks/Models/</c> and one line here.</summary>
public static class FractalTaskModels
{
    /// <summary>Registers every model, in the order the catalog lists them.</summary>
    public static IServiceCollection AddFractalTaskModels(this IServiceCollection services) => services
        .AddTaskModel<LogIngestModel>()
        .AddTaskModel<FrontierAggregationModel>()
        .AddTaskModel<IngestAndAggregateModel>();
}
