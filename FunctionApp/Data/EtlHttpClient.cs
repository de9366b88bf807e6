using Fractal.Etl.Handlers;

namespace Fractal.FunctionApp.Data;

/// <summary>The one HTTP client the ETL handlers share, with the SSRF guard of <see cref="SourceHttp"/>.</summary>
public sealed class EtlHttpClient : IDisposable
{
    public EtlHttpClient(EtlSettings settings)
    {
        Client = new HttpClient(SourceHttp.CreateHandler(settings)) { Timeout = TimeSpan.FromMinutes(10) };
    }

    public HttpClient Client { get; }

    public void Dispose() => Client.Dispose();
}
