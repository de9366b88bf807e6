using Microsoft.Extensions.Options;

namespace Fractal.FunctionApp.Tasks.Definitions;

/// <summary>
/// The models registered in DI, by name, and which of them <c>FRACTAL_ACCEPTED_MODELS</c> lets run. Intake, the catalog
/// and the activities find models here; a refused model is as unknown as one that does not exist.
/// </summary>
public sealed class TaskModelRegistry
{
    private readonly Dictionary<string, ITaskModel> _byName = new(StringComparer.Ordinal);

    public TaskModelRegistry(IEnumerable<ITaskModel> models, IOptions<TaskSettings> settings)
    {
        ArgumentNullException.ThrowIfNull(models);
        ArgumentNullException.ThrowIfNull(settings);
        All = [.. models];
        foreach (var model in All)
        {
            if (!_byName.TryAdd(model.Name, model))
            {
                throw new InvalidOperationException($"Two task models are registered as '{model.Name}'.");
            }
        }

        var accepted = settings.Value.AcceptedNames;
        Accepted = [.. All.Where(model => accepted.Contains(TaskSettings.AllModels) || accepted.Contains(model.Name))];
    }

    /// <summary>Every model the app ships, in registration order.</summary>
    public IReadOnlyList<ITaskModel> All { get; }

    /// <summary>The models that may run, in registration order.</summary>
    public IReadOnlyList<ITaskModel> Accepted { get; }

    /// <summary>The accepted model named <paramref name="name"/>.</summary>
    /// <exception cref="TaskParameterException">No accepted model has that name (field <c>model</c>), listing the accepted ones.</exception>
    public ITaskModel Get(string? name) =>
        name is not null && _byName.TryGetValue(name, out var model) && Accepted.Contains(model)
            ? model
            : throw new TaskParameterException(
                "model",
                $"'{name}' is not an accepted model; {(Accepted.Count == 0 ? "this server accepts none (FRACTAL_ACCEPTED_MODELS)" : $"the accepted models are {string.Join(", ", Accepted.Select(m => m.Name))}")}.");

    /// <summary>
    /// The shipped model named <paramref name="name"/> with the shape <typeparamref name="TShape"/>, as an activity of
    /// that shape needs it: the task was accepted at intake, and a chained model's steps run as part of it.
    /// </summary>
    public TShape Shipped<TShape>(string name)
        where TShape : ITaskModel =>
        _byName.TryGetValue(name, out var model) && model is TShape shaped
            ? shaped
            : throw new InvalidOperationException($"The app ships no {typeof(TShape).Name} named '{name}'.");
}
