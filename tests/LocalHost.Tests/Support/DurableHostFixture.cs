namespace Fractal.LocalHost.Tests.Support;

/// <summary>One durable test host shared by a test class (its own task hub; tests use distinct instance ids).</summary>
public sealed class DurableHostFixture : IAsyncLifetime
{
    private DurableTestHost? _host;

    public DurableTestHost Host => _host ?? throw new InvalidOperationException("The host has not started.");

    public async Task InitializeAsync() => _host = await DurableTestHost.StartAsync();

    public async Task DisposeAsync()
    {
        if (_host is not null)
        {
            await _host.DisposeAsync();
        }
    }
}
