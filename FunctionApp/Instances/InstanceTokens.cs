using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;
using Fractal.FunctionApp.Web;

namespace Fractal.FunctionApp.Instances;

/// <summary>
/// Seals the engine's continuation tokens before <c>GET /api/instances</c> hands them out (HMAC-SHA256, with a key from
/// <c>FRACTAL_SECRET_KEY</c>, else <c>FRACTAL_HOST_KEY</c>, which every worker shares), so that a token the API did not
/// hand out is a 400 naming <c>continuation_token</c> rather than a page the engine guesses at. Without either setting
/// the key is the process' own, and a token is good only on the worker that sealed it.
/// </summary>
public sealed class InstanceTokens
{
    /// <summary>The query parameter that carries a token.</summary>
    public const string Field = "continuation_token";

    private readonly byte[] _key;

    public InstanceTokens(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var secret = configuration["FRACTAL_SECRET_KEY"] is { Length: > 0 } configured ? configured : configuration["FRACTAL_HOST_KEY"];
        _key = string.IsNullOrEmpty(secret)
            ? RandomNumberGenerator.GetBytes(32)
            : SHA256.HashData(Encoding.UTF8.GetBytes("fractal-instances-continuation:" + secret));
    }

    /// <summary>The sealed form of the engine's token; null for none.</summary>
    public string? Seal(string? engineToken)
    {
        if (string.IsNullOrEmpty(engineToken))
        {
            return null;
        }

        var payload = Encoding.UTF8.GetBytes(engineToken);
        return $"{Base64Url.EncodeToString(payload)}.{Base64Url.EncodeToString(HMACSHA256.HashData(_key, payload))}";
    }

    /// <summary>The engine's token inside <paramref name="sealedToken"/>; a 400 problem when this API did not seal it.</summary>
    public string Open(string sealedToken)
    {
        ArgumentNullException.ThrowIfNull(sealedToken);
        var dot = sealedToken.IndexOf('.', StringComparison.Ordinal);
        try
        {
            if (dot > 0)
            {
                var payload = Base64Url.DecodeFromChars(sealedToken.AsSpan(0, dot));
                var signature = Base64Url.DecodeFromChars(sealedToken.AsSpan(dot + 1));
                if (CryptographicOperations.FixedTimeEquals(signature, HMACSHA256.HashData(_key, payload)))
                {
                    return Encoding.UTF8.GetString(payload);
                }
            }
        }
        catch (FormatException)
        {
        }

        throw HttpProblemException.BadRequest(Field, $"{Field} is not a token this API handed out; send back the one the previous page answered with.");
    }
}
