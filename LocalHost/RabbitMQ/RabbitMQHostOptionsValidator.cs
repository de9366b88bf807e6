using Microsoft.Extensions.Options;

namespace Fractal.LocalHost.RabbitMQ;

/// <summary>Refuses a prefetch count RabbitMQ does not take, naming the setting.</summary>
internal sealed class RabbitMQHostOptionsValidator : IValidateOptions<RabbitMQHostOptions>
{
    public ValidateOptionsResult Validate(string? name, RabbitMQHostOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return options.PrefetchCount is >= 1 and <= ushort.MaxValue
            ? ValidateOptionsResult.Success
            : ValidateOptionsResult.Fail($"{RabbitMQHostOptions.PrefetchCountSetting.Replace(':', '.')} must be from 1 to {ushort.MaxValue}; it is {options.PrefetchCount}.");
    }
}
