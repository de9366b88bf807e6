using DurableTask.AzureStorage;

namespace Fractal.LocalHost.Durable;

/// <summary>
/// A DTFx client provider whose clients come from <see cref="Fractal.AzureConnections.StorageClientFactory"/>: the
/// task hub reaches storage by connection string or by identity exactly as the app's own clients do. DTFx fills the
/// options it gets from <see cref="CreateOptions"/> (its pipeline policies) before it asks for a client.
/// </summary>
internal sealed class FactoryClientProvider<TClient, TOptions> : IStorageServiceClientProvider<TClient, TOptions>
    where TOptions : Azure.Core.ClientOptions
{
    private readonly Func<TOptions> _options;
    private readonly Func<TOptions, TClient> _create;

    public FactoryClientProvider(Func<TOptions> options, Func<TOptions, TClient> create)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(create);
        _options = options;
        _create = create;
    }

    public TOptions CreateOptions() => _options();

    public TClient CreateClient(TOptions options) => _create(options);
}
