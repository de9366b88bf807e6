using Microsoft.Extensions.Options;

namespace Fractal.Etl.Handlers;

/// <summary>
/// Checks <see cref="EtlSettings"/> at start, each failure naming its setting: the limits are at least 1, and every
/// name in <c>FRACTAL_ETL_HANDLERS</c> is a registered handler (or the list is <c>*</c>).
/// </summary>
internal sealed class EtlSettingsValidator : IValidateOptions<EtlSettings>
{
    private readonly IReadOnlyList<string> _registered;

    public EtlSettingsValidator(IEnumerable<IEtlHandler> handlers)
    {
        ArgumentNullException.ThrowIfNull(handlers);
        _registered = [.. handlers.Select(handler => handler.Name).Order(StringComparer.Ordinal)];
    }

    public ValidateOptionsResult Validate(string? name, EtlSettings options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var failures = new List<string>();
        AtLeastOne(EtlSettings.MaxRowsSetting, options.MaxRows, failures);
        AtLeastOne(EtlSettings.MaxBytesSetting, options.MaxBytes, failures);
        AtLeastOne(EtlSettings.MaxDescriptorsSetting, options.MaxDescriptors, failures);
        AtLeastOne(EtlSettings.MaxPartitionsSetting, options.MaxPartitions, failures);
        var unknown = options.AllowList().Where(handler => handler != EtlSettings.EveryHandler && !_registered.Contains(handler, StringComparer.Ordinal)).ToList();
        if (unknown.Count > 0)
        {
            failures.Add($"{EtlSettings.HandlersSetting} names {string.Join(", ", unknown.Select(handler => $"'{handler}'"))}, which is not a registered handler; use '{EtlSettings.EveryHandler}' or some of {string.Join(", ", _registered)}.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    private static void AtLeastOne(string setting, long value, List<string> failures)
    {
        if (value < 1)
        {
            failures.Add($"{setting} must be at least 1; it is {value}.");
        }
    }
}
