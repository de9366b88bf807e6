using Fractal.FunctionApp.Tasks.Definitions;
using Microsoft.Extensions.Options;

namespace Fractal.FunctionApp.Tasks;

/// <summary>Refuses a <c>FRACTAL_ACCEPTED_MODELS</c> that names a model the app does not ship, naming the setting.</summary>
internal sealed class TaskSettingsValidator : IValidateOptions<TaskSettings>
{
    private readonly IEnumerable<ITaskModel> _models;

    public TaskSettingsValidator(IEnumerable<ITaskModel> models)
    {
        _models = models;
    }

    public ValidateOptionsResult Validate(string? name, TaskSettings options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var shipped = _models.Select(model => model.Name).ToHashSet(StringComparer.Ordinal);
        var unknown = options.AcceptedNames.Where(n => n != TaskSettings.AllModels && !shipped.Contains(n)).Order(StringComparer.Ordinal).ToList();
        return unknown.Count == 0
            ? ValidateOptionsResult.Success
            : ValidateOptionsResult.Fail(
                $"{TaskSettings.AcceptedModelsSetting} names {string.Join(", ", unknown.Select(n => $"'{n}'"))}, which the app does not ship; "
                + $"the models are {string.Join(", ", shipped.Order(StringComparer.Ordinal))}, or * for all of them.");
    }
}
