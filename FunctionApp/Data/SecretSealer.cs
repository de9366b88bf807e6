using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;

namespace Fractal.FunctionApp.Data;

/// <summary>
/// Carries a source's token from the HTTP request to the activities that use it without it ever
/// being written in clear: AES-GCM with a key every worker shares (<c>FRACTAL_SECRET_KEY</c>, or one
/// derived from <c>FRACTAL_HOST_KEY</c>), expiring after a few hours. Histories and queues only ever
/// hold the sealed envelope.
/// </summary>
public sealed class SecretSealer
{
    private static readonly TimeSpan s_lifetime = TimeSpan.FromHours(6);
    private readonly byte[] _key;
    private readonly TimeProvider _time;

    public SecretSealer(IOptions<SecretKeySettings> settings, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(time);
        _time = time;
        var configured = settings.Value.SecretKey;
        var hostKey = settings.Value.HostKey;
        _key = !string.IsNullOrEmpty(configured) ? SHA256.HashData(Encoding.UTF8.GetBytes(configured))
            : !string.IsNullOrEmpty(hostKey) ? HKDF.DeriveKey(HashAlgorithmName.SHA256, Encoding.UTF8.GetBytes(hostKey), 32, info: Encoding.UTF8.GetBytes("fractal-etl-token"))
            : RandomNumberGenerator.GetBytes(32);
    }

    /// <summary>The sealed form of <paramref name="secret"/>; null for null.</summary>
    public string? Seal(string? secret)
    {
        if (secret is null)
        {
            return null;
        }

        var expires = _time.GetUtcNow().Add(s_lifetime).ToUnixTimeSeconds();
        var plain = Encoding.UTF8.GetBytes($"{expires}\n{secret}");
        var nonce = RandomNumberGenerator.GetBytes(AesGcm.NonceByteSizes.MaxSize);
        var cipher = new byte[plain.Length];
        var tag = new byte[AesGcm.TagByteSizes.MaxSize];
        using var aes = new AesGcm(_key, tag.Length);
        aes.Encrypt(nonce, plain, cipher, tag);
        return Convert.ToBase64String([.. nonce, .. tag, .. cipher]);
    }

    /// <summary>The secret inside <paramref name="sealedSecret"/>; throws when it was tampered with, sealed elsewhere or has expired.</summary>
    public string? Open(string? sealedSecret)
    {
        if (sealedSecret is null)
        {
            return null;
        }

        var bytes = Convert.FromBase64String(sealedSecret);
        var nonceSize = AesGcm.NonceByteSizes.MaxSize;
        var tagSize = AesGcm.TagByteSizes.MaxSize;
        var plain = new byte[bytes.Length - nonceSize - tagSize];
        using var aes = new AesGcm(_key, tagSize);
        aes.Decrypt(bytes.AsSpan(0, nonceSize), bytes.AsSpan(nonceSize + tagSize), bytes.AsSpan(nonceSize, tagSize), plain);
        var text = Encoding.UTF8.GetString(plain);
        var newline = text.IndexOf('\n', StringComparison.Ordinal);
        var expires = DateTimeOffset.FromUnixTimeSeconds(long.Parse(text.AsSpan(0, newline), System.Globalization.CultureInfo.InvariantCulture));
        return expires < _time.GetUtcNow()
            ? throw new CryptographicException("The source token has expired; submit the request again.")
            : text[(newline + 1)..];
    }
}
