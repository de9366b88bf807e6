using Fractal.AzureConnections;
using Microsoft.Extensions.Options;

namespace Fractal.LocalHost.Settings;

/// <summary>Tells a failure of start-up caused by a setting (whose message names the setting) from any other.</summary>
public static class SettingErrors
{
    /// <summary>
    /// One line naming every unusable setting behind <paramref name="exception"/>: a host setting, a storage connection,
    /// or options that failed validation on start (several at once arrive as an <see cref="AggregateException"/>); null
    /// when the failure is not a setting's.
    /// </summary>
    public static string? Describe(Exception exception)
    {
        ArgumentNullException.ThrowIfNull(exception);
        return exception switch
        {
            HostSettingException or StorageConnectionException => exception.Message,
            OptionsValidationException validation => string.Join(" ", validation.Failures),
            AggregateException aggregate when aggregate.InnerExceptions.Count > 0 && aggregate.InnerExceptions.All(inner => Describe(inner) is not null) =>
                string.Join(" ", aggregate.InnerExceptions.Select(inner => Describe(inner))),
            _ => null,
        };
    }
}
