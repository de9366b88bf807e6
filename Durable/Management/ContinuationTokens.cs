using System.Buffers.Text;
using System.Text;
using Fractal.Durable.Client;
using Fractal.Durable.Functions;

namespace Fractal.Durable.Management;

/// <summary>
/// The instance list's <c>x-ms-continuation-token</c>: opaque to callers (base64url of where the page
/// ended), so that a token this host never handed out is refused with a 400 instead of being read as a
/// position and answering an empty or wrong page.
/// </summary>
internal static class ContinuationTokens
{
    public const string HeaderName = "x-ms-continuation-token";
    private const string Marker = "after:";
    private static readonly UTF8Encoding s_strictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <summary>The token for the page after the instance <paramref name="lastInstanceId"/>.</summary>
    public static string Encode(string lastInstanceId) => Base64Url.EncodeToString(s_strictUtf8.GetBytes(Marker + lastInstanceId));

    /// <summary>The instance id a token of <see cref="Encode"/> holds.</summary>
    /// <exception cref="HttpProblemException">A 400 naming the header: the token is not one this host hands out.</exception>
    public static string Decode(string token)
    {
        ArgumentNullException.ThrowIfNull(token);
        try
        {
            var text = s_strictUtf8.GetString(Base64Url.DecodeFromChars(token));
            if (text.StartsWith(Marker, StringComparison.Ordinal))
            {
                var lastInstanceId = text[Marker.Length..];
                InstanceIds.Validate(lastInstanceId);
                return lastInstanceId;
            }
        }
        catch (Exception ex) when (ex is FormatException or DecoderFallbackException or InvalidInstanceIdException)
        {
            // Answered below, as every other token this host did not hand out.
        }

        throw HttpProblemException.BadRequest(HeaderName, $"The {HeaderName} header is not a token this API handed out; send the one from the previous page's answer, or none for the first page.");
    }
}
