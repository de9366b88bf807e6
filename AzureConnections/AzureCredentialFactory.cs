using Azure.Core;
using Azure.Identity;

namespace Fractal.AzureConnections;

/// <summary>
/// Turns <see cref="AzureCredentialSettings"/> into an Azure.Identity credential as the Functions host does:
/// <c>managedidentity</c> gives a <see cref="ManagedIdentityCredential"/> (user-assigned with <c>__clientId</c>), a
/// tenant, client ID and secret give a <see cref="ClientSecretCredential"/>, and otherwise the default chain
/// (<see cref="DefaultAzureCredential"/>: environment, workload and managed identity, developer tools) is used.
/// </summary>
public static class AzureCredentialFactory
{
    /// <summary>Creates the credential the settings ask for.</summary>
    public static TokenCredential Create(AzureCredentialSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        if (settings.UsesManagedIdentity)
        {
            return new ManagedIdentityCredential(settings.ClientId is null
                ? ManagedIdentityId.SystemAssigned
                : ManagedIdentityId.FromUserAssignedClientId(settings.ClientId));
        }

        if (settings.UsesClientSecret)
        {
            return new ClientSecretCredential(settings.TenantId, settings.ClientId, settings.ClientSecret);
        }

        var options = new DefaultAzureCredentialOptions();
        if (settings.ClientId is not null)
        {
            options.ManagedIdentityClientId = settings.ClientId;
        }

        return new DefaultAzureCredential(options);
    }
}
