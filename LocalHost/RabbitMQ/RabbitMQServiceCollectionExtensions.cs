using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Fractal.LocalHost.RabbitMQ;

/// <summary>Registers the RabbitMQ trigger listener and its host settings (<c>host.json</c> <c>extensions.rabbitMQ</c>), checked at start.</summary>
public static class RabbitMQServiceCollectionExtensions
{
    public static IServiceCollection AddLocalRabbitMQTriggers(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddOptions<RabbitMQHostOptions>().Bind(configuration.GetSection(RabbitMQHostOptions.Section)).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<RabbitMQHostOptions>, RabbitMQHostOptionsValidator>());
        services.AddHostedService<RabbitMQTriggerListener>();
        return services;
    }
}
