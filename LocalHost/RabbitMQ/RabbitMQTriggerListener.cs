using Fractal.LocalHost.Functions;
using Microsoft.Extensions.Options;

namespace Fractal.LocalHost.RabbitMQ;

/// <summary>
/// Serves the app's RabbitMQ triggers: one <see cref="QueueConsumer"/> per RabbitMQ-triggered function whose queue and
/// connection settings are set. A trigger whose settings are missing is not served, with a warning that names the
/// setting (as a host without the broker configured would leave it idle).
/// </summary>
internal sealed class RabbitMQTriggerListener : BackgroundService
{
    private readonly FunctionIndex _index;
    private readonly IConfiguration _configuration;
    private readonly RabbitMQHostOptions _options;
    private readonly FunctionInvoker _invoker;
    private readonly IServiceProvider _services;
    private readonly ILogger<RabbitMQTriggerListener> _logger;

    public RabbitMQTriggerListener(
        FunctionIndex index, IConfiguration configuration, IOptions<RabbitMQHostOptions> options, FunctionInvoker invoker, IServiceProvider services, ILogger<RabbitMQTriggerListener> logger)
    {
        ArgumentNullException.ThrowIfNull(options);
        _index = index;
        _configuration = configuration;
        _options = options.Value;
        _invoker = invoker;
        _services = services;
        _logger = logger;
    }

    protected override Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var consumers = new List<Task>();
        foreach (var function in _index.OfKind(FunctionTriggerKind.Other).Where(RabbitMQTriggerBinding.IsRabbitMQTrigger))
        {
            var (binding, problem) = RabbitMQTriggerBinding.Resolve(function, _configuration);
            if (binding is null)
            {
                _logger.LogWarning("The RabbitMQ trigger of {Function} is not served: {Problem}.", function.Name, problem);
                continue;
            }

            consumers.Add(new QueueConsumer(binding, _options, _invoker, _services, _logger).RunAsync(stoppingToken));
        }

        return Task.WhenAll(consumers);
    }
}
