using System.Net;
using System.Net.Http.Headers;
using System.Net.Sockets;
using System.Text.Json;

namespace Fractal.Etl.Handlers;

/// <summary>
/// HTTP access to URL sources: a handler that refuses loopback and link-local targets at connect time
/// (so DNS tricks cannot reach them), and requests whose failures map to the typed ETL errors.
/// </summary>
public static class SourceHttp
{
    /// <summary>A handler for <see cref="EtlExtractContext.HttpClient"/> that connects only where <paramref name="settings"/> allow.</summary>
    public static SocketsHttpHandler CreateHandler(EtlSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var allowLoopback = settings.AllowLoopbackSources;
        return new SocketsHttpHandler
        {
            AllowAutoRedirect = false,
            AutomaticDecompression = DecompressionMethods.All,
            ConnectCallback = async (connection, cancellationToken) =>
            {
                var addresses = await Dns.GetHostAddressesAsync(connection.DnsEndPoint.Host, cancellationToken);
                var allowed = addresses.Where(address => allowLoopback || !IsLocal(address)).ToArray();
                if (allowed.Length == 0)
                {
                    throw new SourceFailedException("the source address is not allowed (loopback or link-local)");
                }

                var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
                try
                {
                    await socket.ConnectAsync(allowed, connection.DnsEndPoint.Port, cancellationToken);
                    return new NetworkStream(socket, ownsSocket: true);
                }
                catch
                {
                    socket.Dispose();
                    throw;
                }
            },
        };
    }

    /// <summary>Whether <paramref name="address"/> is loopback, link-local or unspecified.</summary>
    public static bool IsLocal(IPAddress address)
    {
        ArgumentNullException.ThrowIfNull(address);
        if (address.IsIPv4MappedToIPv6)
        {
            address = address.MapToIPv4();
        }

        if (IPAddress.IsLoopback(address) || address.Equals(IPAddress.Any) || address.Equals(IPAddress.IPv6Any) || address.IsIPv6LinkLocal)
        {
            return true;
        }

        var bytes = address.GetAddressBytes();
        return address.AddressFamily == AddressFamily.InterNetwork && ((bytes[0] == 169 && bytes[1] == 254) || bytes[0] == 0);
    }

    /// <summary>Checks a source URL as sent: absolute <c>http</c> or <c>https</c>, with no credentials in it.</summary>
    public static string? CheckUrl(string? server, EtlSettings? settings = null)
    {
        if (!Uri.TryCreate(server, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps))
        {
            return "'server' must be an absolute http or https URL.";
        }

        if (!string.IsNullOrEmpty(uri.UserInfo))
        {
            return "'server' must not carry credentials; send them as 'auth.token'.";
        }

        if (settings is { AllowLoopbackSources: false } && IPAddress.TryParse(uri.IdnHost, out var address) && IsLocal(address))
        {
            return "'server' must not be a loopback or link-local address.";
        }

        return settings is { AllowLoopbackSources: false } && uri.IsLoopback ? "'server' must not be a loopback address." : null;
    }

    /// <summary>
    /// Sends <paramref name="request"/> and returns the response once its headers are read, mapping
    /// 401/403 to <see cref="SourceRefusedCredentialsException"/>, timeouts, network errors, 408, 429 and
    /// 5xx to <see cref="SourceTransientException"/>, and other failures to <see cref="SourceFailedException"/>.
    /// </summary>
    public static async Task<HttpResponseMessage> SendAsync(EtlExtractContext context, HttpRequestMessage request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(request);
        var client = context.HttpClient ?? throw new InvalidOperationException("This source needs EtlExtractContext.HttpClient.");
        var host = request.RequestUri?.Host ?? "the source";
        HttpResponseMessage response;
        try
        {
            response = await client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken);
        }
        catch (OperationCanceledException exception) when (!cancellationToken.IsCancellationRequested)
        {
            throw new SourceTransientException($"{host} timed out", exception);
        }
        catch (HttpRequestException exception) when (exception.InnerException is SourceFailedException refused)
        {
            throw new SourceFailedException(refused.Message, exception);
        }
        catch (HttpRequestException exception)
        {
            throw new SourceTransientException($"{host} could not be reached", exception);
        }

        var status = (int)response.StatusCode;
        if (response.IsSuccessStatusCode)
        {
            return response;
        }

        response.Dispose();
        throw status switch
        {
            401 or 403 => new SourceRefusedCredentialsException(),
            408 or 429 or >= 500 => new SourceTransientException($"{host} answered {status}"),
            _ => new SourceFailedException($"{host} answered {status}"),
        };
    }

    /// <summary>Sets <c>Authorization</c> from the request's token, with <paramref name="scheme"/> (Bearer or ApiKey).</summary>
    public static void Authorize(HttpRequestMessage request, string? token, string scheme = "Bearer")
    {
        ArgumentNullException.ThrowIfNull(request);
        if (!string.IsNullOrEmpty(token))
        {
            request.Headers.Authorization = new AuthenticationHeaderValue(scheme, token);
        }
    }

    /// <summary>Sends <paramref name="request"/> and parses the answer as one JSON document, with the idle timeout on the body.</summary>
    public static async Task<JsonDocument> ReadJsonAsync(EtlExtractContext context, HttpRequestMessage request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var response = await SendAsync(context, request, cancellationToken);
        await using var body = new ResponseStream(response, await response.Content.ReadAsStreamAsync(cancellationToken), context.HttpClient!.Timeout);
        try
        {
            return await JsonDocument.ParseAsync(body, cancellationToken: cancellationToken);
        }
        catch (JsonException exception)
        {
            throw new SourceFailedException("the source's answer is not JSON", exception);
        }
        catch (Exception exception) when (TextSource.MapReadFailure(exception, cancellationToken) is { } mapped)
        {
            throw mapped;
        }
    }

    /// <summary>Opens a GET of <paramref name="url"/> as a stream (headers read, body streamed).</summary>
    public static async Task<Stream> OpenReadAsync(EtlExtractContext context, string url, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        using var request = new HttpRequestMessage(HttpMethod.Get, url);
        Authorize(request, context.Token);
        var response = await SendAsync(context, request, cancellationToken);
        return new ResponseStream(response, await response.Content.ReadAsStreamAsync(cancellationToken), context.HttpClient!.Timeout);
    }
}
