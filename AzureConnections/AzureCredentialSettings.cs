namespace Fractal.AzureConnections;

/// <summary>
/// How an identity-based connection authenticates, read from the settings under the connection as the Functions host
/// reads them: <c>__credential</c> (<c>managedidentity</c>, or unset for the default chain), <c>__clientId</c> (a
/// user-assigned identity), <c>__tenantId</c> and <c>__clientSecret</c> (an app registration).
/// </summary>
/// <param name="Credential">The <c>__credential</c> value, lower-cased; none when unset.</param>
/// <param name="ClientId">The client ID of a user-assigned managed identity or an app registration.</param>
/// <param name="TenantId">The tenant of an app registration.</param>
/// <param name="ClientSecret">The secret of an app registration (never logged).</param>
public sealed record AzureCredentialSettings(string? Credential, string? ClientId, string? TenantId, string? ClientSecret)
{
    /// <summary>The <c>__credential</c> value that asks for a managed identity.</summary>
    public const string ManagedIdentity = "managedidentity";

    /// <summary>Whether a managed identity (system-assigned, or user-assigned with <see cref="ClientId"/>) is asked for.</summary>
    public bool UsesManagedIdentity => Credential == ManagedIdentity;

    /// <summary>Whether an app registration's secret is given.</summary>
    public bool UsesClientSecret => !UsesManagedIdentity && TenantId is not null && ClientId is not null && ClientSecret is not null;

    /// <summary>Reads the credential settings under <paramref name="section"/>.</summary>
    /// <exception cref="StorageConnectionException"><c>__credential</c> has a value the host does not know.</exception>
    public static AzureCredentialSettings Read(IConfigurationSection section)
    {
        ArgumentNullException.ThrowIfNull(section);
        var credential = Trimmed(section["credential"])?.ToLowerInvariant();
        if (credential is not null && credential != ManagedIdentity)
        {
            throw new StorageConnectionException($"{section.Path.Replace(":", "__", StringComparison.Ordinal)}__credential", $"must be '{ManagedIdentity}' or unset.");
        }

        return new AzureCredentialSettings(credential, Trimmed(section["clientId"]), Trimmed(section["tenantId"]), Trimmed(section["clientSecret"]));
    }

    /// <summary>Prints the settings without the secret.</summary>
    public override string ToString() =>
        $"{{ Credential = {Credential ?? "default"}, ClientId = {ClientId ?? "none"}, TenantId = {TenantId ?? "none"}, ClientSecret = {(ClientSecret is null ? "none" : "set")} }}";

    private static string? Trimmed(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
