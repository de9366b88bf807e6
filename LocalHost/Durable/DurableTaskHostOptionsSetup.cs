using System.Globalization;
using Microsoft.Extensions.Options;

namespace Fractal.LocalHost.Durable;

/// <summary>
/// Reads <see cref="DurableTaskHostOptions"/> from <c>host.json</c>'s <c>extensions.durableTask</c> section (keys without
/// regard to case, as the Functions host reads them). A value of the wrong type fails with a message naming the setting.
/// </summary>
internal sealed class DurableTaskHostOptionsSetup : IConfigureOptions<DurableTaskHostOptions>
{
    private readonly IConfiguration _configuration;

    public DurableTaskHostOptionsSetup(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        _configuration = configuration;
    }

    public void Configure(DurableTaskHostOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var section = _configuration.GetSection(DurableTaskSettingNames.ConfigurationSection);
        var failures = new List<string>();

        options.HubName = Text(section, DurableTaskSettingNames.HubName) ?? options.HubName;
        options.ConnectionName = Text(section, DurableTaskSettingNames.ConnectionName)
            ?? Text(section, DurableTaskSettingNames.ConnectionStringName)
            ?? options.ConnectionName;
        options.PartitionCount = Number(section, DurableTaskSettingNames.PartitionCount, failures) ?? options.PartitionCount;
        options.ControlQueueBatchSize = Number(section, DurableTaskSettingNames.ControlQueueBatchSize, failures) ?? options.ControlQueueBatchSize;
        options.ControlQueueBufferThreshold = Number(section, DurableTaskSettingNames.ControlQueueBufferThreshold, failures)
            ?? options.ControlQueueBufferThreshold;
        options.MaxQueuePollingInterval = Duration(section, DurableTaskSettingNames.MaxQueuePollingInterval, failures)
            ?? options.MaxQueuePollingInterval;
        options.ControlQueueVisibilityTimeout = Duration(section, DurableTaskSettingNames.ControlQueueVisibilityTimeout, failures)
            ?? options.ControlQueueVisibilityTimeout;
        options.WorkItemQueueVisibilityTimeout = Duration(section, DurableTaskSettingNames.WorkItemQueueVisibilityTimeout, failures)
            ?? options.WorkItemQueueVisibilityTimeout;
        options.UseTablePartitionManagement = Flag(section, DurableTaskSettingNames.UseTablePartitionManagement, failures)
            ?? options.UseTablePartitionManagement;
        options.ExtendedSessionsEnabled = Flag(section, DurableTaskSettingNames.ExtendedSessionsEnabled, failures)
            ?? options.ExtendedSessionsEnabled;
        options.ExtendedSessionIdleTimeoutInSeconds = Number(section, DurableTaskSettingNames.ExtendedSessionIdleTimeoutInSeconds, failures)
            ?? options.ExtendedSessionIdleTimeoutInSeconds;
        options.MaxConcurrentActivityFunctions = Number(section, DurableTaskSettingNames.MaxConcurrentActivityFunctions, failures)
            ?? options.MaxConcurrentActivityFunctions;
        options.MaxConcurrentOrchestratorFunctions = Number(section, DurableTaskSettingNames.MaxConcurrentOrchestratorFunctions, failures)
            ?? options.MaxConcurrentOrchestratorFunctions;

        if (failures.Count > 0)
        {
            throw new OptionsValidationException(Options.DefaultName, typeof(DurableTaskHostOptions), failures);
        }
    }

    private static string? Text(IConfigurationSection section, string key)
    {
        var value = section[key];
        return string.IsNullOrWhiteSpace(value) ? null : value.Trim();
    }

    private static int? Number(IConfigurationSection section, string key, List<string> failures) =>
        Parse(section, key, failures, "a whole number", (string text, out int number) => int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out number));

    private static bool? Flag(IConfigurationSection section, string key, List<string> failures) =>
        Parse<bool>(section, key, failures, "true or false", bool.TryParse);

    private static TimeSpan? Duration(IConfigurationSection section, string key, List<string> failures) =>
        Parse(section, key, failures, "a time span such as \"00:00:05\"", (string text, out TimeSpan duration) => TimeSpan.TryParse(text, CultureInfo.InvariantCulture, out duration));

    /// <summary>The setting parsed, null when unset; a value that does not parse adds a failure naming the setting and what it must be.</summary>
    private static T? Parse<T>(IConfigurationSection section, string key, List<string> failures, string expected, TryParser<T> tryParse)
        where T : struct
    {
        var value = Text(section, key);
        if (value is null)
        {
            return null;
        }

        if (tryParse(value, out var parsed))
        {
            return parsed;
        }

        failures.Add($"Setting '{DurableTaskSettingNames.Display(key)}' must be {expected}; it is '{value}'.");
        return null;
    }

    private delegate bool TryParser<T>(string text, out T value);
}
