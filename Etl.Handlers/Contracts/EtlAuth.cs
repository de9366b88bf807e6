using System.Text.Json.Serialization;

namespace Fractal.Etl.Handlers;

/// <summary>
/// The <c>auth</c> part of a request: a token for the source, used at extract time and never stored.
/// It reads from JSON but writes as <c>{}</c>, and prints as <c>***</c>, so a request that is logged
/// or serialised into history does not carry it.
/// </summary>
[JsonConverter(typeof(EtlAuthJsonConverter))]
public sealed class EtlAuth
{
    public EtlAuth(string? token)
    {
        Token = token;
    }

    /// <summary>The source token; pass it to <see cref="EtlExtractContext"/>, never into a plan.</summary>
    public string? Token { get; }

    public override string ToString() => "EtlAuth { token = *** }";
}
