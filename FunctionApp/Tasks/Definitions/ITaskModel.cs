using System.Text.Json;
using System.Text.Json.Nodes;

namespace Fractal.FunctionApp.Tasks.Definitions;

/// <summary>
/// One batch model (Fossa's model class), everything the app knows of it in one place: its name, what it does, the JSON
/// schema of its parameters, an example that runs as it is, and its checks. Its work has one of two shapes:
/// <see cref="IPartitionedTaskModel"/> (plan, one activity per partition, combine) or <see cref="IChainedTaskModel"/>
/// (other models run one after another as sub-orchestrations). Registered with
/// <see cref="TaskModelServiceCollectionExtensions.AddTaskModel{TModel}"/>; only the models named in
/// <c>FRACTAL_ACCEPTED_MODELS</c> run.
/// </summary>
public interface ITaskModel
{
    /// <summary>The name requests use, such as <c>log-ingest</c>.</summary>
    string Name { get; }

    /// <summary>What the model does, for the catalog.</summary>
    string Description { get; }

    /// <summary>The JSON schema of the model's parameters.</summary>
    JsonObject Parameters { get; }

    /// <summary>Parameters that run as they are on the demo data or a source the test services provide.</summary>
    JsonElement Example { get; }

    /// <summary>How many times a partition (or step) runs before the task fails (the first run included).</summary>
    int MaxAttempts => 3;

    /// <summary>Checks <paramref name="parameters"/> and returns them with their defaults filled in.</summary>
    /// <exception cref="TaskParameterException">The first bad parameter, named as <c>params.…</c>.</exception>
    JsonElement Validate(JsonElement parameters);

    /// <summary>What the completion event carries of an output: the output itself unless the model makes it smaller.</summary>
    JsonElement Summarize(JsonElement output) => output;
}
