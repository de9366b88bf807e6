namespace Fractal.FunctionApp.Data;

/// <summary>
/// The key <see cref="SecretSealer"/> seals source tokens with, shared by every worker: <c>FRACTAL_SECRET_KEY</c>, else
/// one derived from <c>FRACTAL_HOST_KEY</c>, else a random key (one process only). Never log these values.
/// </summary>
public sealed class SecretKeySettings
{
    public const string SecretKeySetting = "FRACTAL_SECRET_KEY";

    public const string HostKeySetting = "FRACTAL_HOST_KEY";

    [ConfigurationKeyName(SecretKeySetting)]
    public string? SecretKey { get; set; }

    [ConfigurationKeyName(HostKeySetting)]
    public string? HostKey { get; set; }

    public override string ToString() => "SecretKeySettings { *** }";
}
