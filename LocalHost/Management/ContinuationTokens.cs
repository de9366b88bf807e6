using System.Security.Cryptography;
using System.Text;
using Fractal.LocalHost.Http;

namespace Fractal.LocalHost.Management;

/// <summary>
/// Seals the engine's continuation tokens before they leave in <c>x-ms-continuation-token</c>, so that a token
/// the host did not hand out (garbage, truncated, edited) is refused with 400 instead of being read as "start
/// over" or "no more pages" by the storage query. The engine's token travels inside, unchanged.
/// </summary>
internal sealed class ContinuationTokens
{
    public const string HeaderName = "x-ms-continuation-token";

    private readonly byte[] _key;

    public ContinuationTokens(string secret)
    {
        ArgumentException.ThrowIfNullOrEmpty(secret);
        _key = SHA256.HashData(Encoding.UTF8.GetBytes("x-ms-continuation-token:" + secret));
    }

    public string Seal(string engineToken)
    {
        ArgumentNullException.ThrowIfNull(engineToken);
        var payload = Encoding.UTF8.GetBytes(engineToken);
        return $"{Base64Url(payload)}.{Base64Url(HMACSHA256.HashData(_key, payload))}";
    }

    /// <summary>The engine's token inside <paramref name="sealedToken"/>; throws a 400 problem when it was not sealed here.</summary>
    public string Open(string sealedToken)
    {
        var dot = sealedToken.IndexOf('.', StringComparison.Ordinal);
        if (dot > 0
            && TryFromBase64Url(sealedToken[..dot], out var payload)
            && TryFromBase64Url(sealedToken[(dot + 1)..], out var signature)
            && CryptographicOperations.FixedTimeEquals(signature, HMACSHA256.HashData(_key, payload)))
        {
            return Encoding.UTF8.GetString(payload);
        }

        throw HttpProblemException.BadRequest(HeaderName, $"The {HeaderName} header is not a continuation token this host handed out.");
    }

    private static string Base64Url(byte[] bytes) =>
        Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    private static bool TryFromBase64Url(string text, out byte[] bytes)
    {
        var padded = text.Replace('-', '+').Replace('_', '/');
        padded += (padded.Length % 4) switch { 2 => "==", 3 => "=", _ => string.Empty };
        bytes = new byte[padded.Length];
        if (padded.Length % 4 == 0 && Convert.TryFromBase64String(padded, bytes, out var written))
        {
            bytes = bytes[..written];
            return true;
        }

        bytes = [];
        return false;
    }
}
