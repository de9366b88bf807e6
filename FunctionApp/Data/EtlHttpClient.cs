using Fractal.Etl.Handlers;
using Microsoft.Extensions.Options;

namespace Fractal.FunctionApp.Data;

/// <summary>The one HTTP client the ETL handlers share, with the SSRF guard of <see cref="SourceHttp"/>.</summary>
/// <remarks>
/// The client is made on first use, not while this is built, so that building a service that takes it (a task model,
/// during the task settings' start-up check) never reports <c>FRACTAL_ETL_*</c> problems in another feature's name.
/// </remarks>
public sealed class EtlHttpClient : IDisposable
{
    private readonly Lazy<HttpClient> _client;

    public EtlHttpClient(IOptions<EtlSettings> settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        _client = new Lazy<HttpClient>(() => new HttpClient(SourceHttp.CreateHandler(settings.Value)) { Timeout = TimeSpan.FromMinutes(10) });
    }

    public HttpClient Client => _client.Value;

    public void Dispose()
    {
        if (_client.IsValueCreated)
        {
            _client.Value.Dispose();
        }
    }
}
