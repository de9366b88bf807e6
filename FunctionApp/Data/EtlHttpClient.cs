using Fractal.Etl.Handlers;
using Microsoft.Extensions.Options;

namespace Fractal.FunctionApp.Data;

/// <summary>The one HTTP client the ETL handlers share, with the SSRF guard of <see cref="SourceHttp"/>.</summary>
public sealed class EtlHttpClient : IDisposable
{
    public EtlHttpClient(IOptions<EtlSettings> settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        Client = new HttpClient(SourceHttp.CreateHandler(settings.Value)) { Timeout = TimeSpan.FromMinutes(10) };
    }

    public HttpClient Client { get; }

    public void Dispose() => Client.Dispose();
}
