using Microsoft.Extensions.Options;

namespace Fractal.LocalHost.Durable;

/// <summary>Checks <see cref="DurableTaskHostOptions"/> against the ranges Durable Functions and DTFx accept; each failure names its setting.</summary>
internal sealed class DurableTaskHostOptionsValidator : IValidateOptions<DurableTaskHostOptions>
{
    public ValidateOptionsResult Validate(string? name, DurableTaskHostOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var failures = new List<string>();
        if (!IsValidHubName(options.HubName))
        {
            failures.Add(Failure(DurableTaskSettingNames.HubName,
                $"must be 3 to 45 letters or digits, starting with a letter; it is '{options.HubName}'."));
        }

        Range(failures, DurableTaskSettingNames.PartitionCount, options.PartitionCount, 1, 16);
        Range(failures, DurableTaskSettingNames.ControlQueueBatchSize, options.ControlQueueBatchSize, 1, 32);
        Range(failures, DurableTaskSettingNames.ControlQueueBufferThreshold, options.ControlQueueBufferThreshold, 1, 1000);
        Range(failures, DurableTaskSettingNames.ExtendedSessionIdleTimeoutInSeconds, options.ExtendedSessionIdleTimeoutInSeconds, 1, int.MaxValue);
        Range(failures, DurableTaskSettingNames.MaxConcurrentActivityFunctions, options.MaxConcurrentActivityFunctions, 1, int.MaxValue);
        Range(failures, DurableTaskSettingNames.MaxConcurrentOrchestratorFunctions, options.MaxConcurrentOrchestratorFunctions, 1, int.MaxValue);
        Positive(failures, DurableTaskSettingNames.MaxQueuePollingInterval, options.MaxQueuePollingInterval);
        Positive(failures, DurableTaskSettingNames.ControlQueueVisibilityTimeout, options.ControlQueueVisibilityTimeout);
        Positive(failures, DurableTaskSettingNames.WorkItemQueueVisibilityTimeout, options.WorkItemQueueVisibilityTimeout);
        if (string.IsNullOrWhiteSpace(options.ConnectionName))
        {
            failures.Add(Failure(DurableTaskSettingNames.ConnectionName, "must name an app setting."));
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    private static bool IsValidHubName(string hubName) =>
        hubName is { Length: >= 3 and <= 45 } && char.IsAsciiLetter(hubName[0]) && hubName.All(char.IsAsciiLetterOrDigit);

    private static void Range(List<string> failures, string key, int value, int min, int max)
    {
        if (value < min || value > max)
        {
            var range = max == int.MaxValue ? $"at least {min}" : $"from {min} to {max}";
            failures.Add(Failure(key, $"must be {range}; it is {value}."));
        }
    }

    private static void Positive(List<string> failures, string key, TimeSpan value)
    {
        if (value <= TimeSpan.Zero)
        {
            failures.Add(Failure(key, $"must be longer than zero; it is {value}."));
        }
    }

    private static string Failure(string key, string message) => $"Setting '{DurableTaskSettingNames.Display(key)}' {message}";
}
