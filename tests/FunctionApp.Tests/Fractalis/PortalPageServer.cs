using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace Fractal.FunctionApp.Tests.Fractalis;

/// <summary>
/// A data portal's page on its own loopback port: it offers <c>window.fractalis(method, path, body)</c>,
/// which calls the Fractalis API the way Fractal.js' axios does (XMLHttpRequest, <c>withCredentials</c>,
/// axios' Accept header, JSON bodies as <c>application/json;charset=utf-8</c>).
/// </summary>
internal sealed class PortalPageServer : IAsyncDisposable
{
    private const string Page = """
        <!doctype html>
        <html><head><meta charset="utf-8"><title>Portal</title></head>
        <body>
        <p>A portal page that embeds Fractal.js.</p>
        <script>
        window.fractalis = (base, method, path, body) => new Promise(resolve => {
          const xhr = new XMLHttpRequest();
          xhr.open(method, base + path, true);
          xhr.withCredentials = true;
          xhr.setRequestHeader('Accept', 'application/json, text/plain, */*');
          if (body !== undefined && body !== null) {
            xhr.setRequestHeader('Content-Type', 'application/json;charset=utf-8');
          }
          xhr.onload = () => resolve({ status: xhr.status, body: xhr.responseText });
          xhr.onerror = () => resolve({ status: 0, body: 'network error' });
          xhr.send(body === undefined || body === null ? null : JSON.stringify(body));
        });
        </script>
        </body></html>
        """;

    private readonly WebApplication _app;

    private PortalPageServer(WebApplication app, Uri address)
    {
        _app = app;
        Address = address;
    }

    /// <summary>The page's address; its origin is this without the trailing slash.</summary>
    public Uri Address { get; }

    public string Origin => Address.GetLeftPart(UriPartial.Authority);

    public static async Task<PortalPageServer> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        var app = builder.Build();
        app.MapGet("/", () => Results.Content(Page, "text/html"));
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return new PortalPageServer(app, new Uri(address));
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
