namespace Fractal.FunctionApp.Tasks;

/// <summary>
/// The tasks' settings, bound as options and checked at start (<see cref="TaskSettingsValidator"/>):
/// <c>FRACTAL_ACCEPTED_MODELS</c>, the models that may run (comma-separated names, <c>*</c> for every shipped model;
/// unset: none), Fossa's <c>ACCEPTED_MODEL_CLASSES</c>.
/// </summary>
public sealed class TaskSettings
{
    public const string AcceptedModelsSetting = "FRACTAL_ACCEPTED_MODELS";

    /// <summary>The name that accepts every shipped model.</summary>
    public const string AllModels = "*";

    /// <summary>The exchange that task completions are published to, with the model's name as routing key.</summary>
    public const string EventsExchange = "fractal.events";

    /// <summary>The raw setting.</summary>
    [ConfigurationKeyName(AcceptedModelsSetting)]
    public string? AcceptedModels { get; set; }

    /// <summary>The names the setting lists.</summary>
    public IReadOnlySet<string> AcceptedNames =>
        (AcceptedModels ?? string.Empty).Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).ToHashSet(StringComparer.Ordinal);
}
