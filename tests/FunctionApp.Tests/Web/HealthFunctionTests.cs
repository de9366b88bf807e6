using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Azure.Core;
using Azure.Identity;
using Fractal.AzureConnections;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Moq;

namespace Fractal.FunctionApp.Tests.Web;

public sealed class HealthFunctionTests
{
    [Fact]
    public async Task Get_AzuriteRunning_ReportsStorageReachable()
    {
        await using var app = await AppHost.StartAsync();

        var response = await app.Client.GetAsync(new Uri("/api/health", UriKind.Relative));
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.True(body.GetProperty("storage").GetProperty("reachable").GetBoolean());
    }

    [Fact]
    public async Task Get_StorageUnreachable_Answers503WithoutTheAccountKey()
    {
        const string AccountKey = "Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==";
        var unreachable = $"DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey={AccountKey};BlobEndpoint=http://127.0.0.1:9/devstoreaccount1;";
        // The durable engine keeps Azurite through a connection of its own; the app's storage is unreachable.
        await using var app = await AppHost.StartAsync(new Dictionary<string, string?>
        {
            ["AzureWebJobsStorage"] = unreachable,
            ["DurableStorage"] = AppHost.StorageConnection,
            ["AzureFunctionsJobHost:extensions:durableTask:storageProvider:connectionName"] = "DurableStorage",
        });

        var response = await app.Client.GetAsync(new Uri("/api/health", UriKind.Relative));
        var text = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.Contains("\"reachable\":false", text, StringComparison.Ordinal);
        Assert.DoesNotContain(AccountKey, text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Get_IdentityCredentialUnavailable_Answers503WithTheCredentialsReason()
    {
        var credential = new Mock<TokenCredential>();
        credential.Setup(c => c.GetTokenAsync(It.IsAny<TokenRequestContext>(), It.IsAny<CancellationToken>()))
            .ThrowsAsync(new CredentialUnavailableException("ManagedIdentityCredential authentication unavailable. No response from the endpoint."));

        var (status, storage) = await HealthWithIdentityAsync(credential.Object);

        Assert.Equal(HttpStatusCode.ServiceUnavailable, status);
        Assert.Equal("azure-storage-identity", storage.GetProperty("kind").GetString());
        Assert.StartsWith("credential: CredentialUnavailableException: ManagedIdentityCredential", storage.GetProperty("error").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Get_IdentityCredentialNeverAnswers_Answers503NamingTheTimeout()
    {
        var credential = new Mock<TokenCredential>();
        credential.Setup(c => c.GetTokenAsync(It.IsAny<TokenRequestContext>(), It.IsAny<CancellationToken>()))
            .Returns<TokenRequestContext, CancellationToken>(async (_, cancellationToken) =>
            {
                await Task.Delay(Timeout.Infinite, cancellationToken);
                throw new InvalidOperationException("unreachable");
            });

        var (status, storage) = await HealthWithIdentityAsync(credential.Object);

        Assert.Equal(HttpStatusCode.ServiceUnavailable, status);
        Assert.Equal("no token or answer within 3 s", storage.GetProperty("error").GetString());
    }

    /// <summary>The app's storage by identity (the account's endpoints, <paramref name="credential"/>); the durable engine keeps Azurite.</summary>
    private static async Task<(HttpStatusCode Status, JsonElement Storage)> HealthWithIdentityAsync(TokenCredential credential)
    {
        var identity = new Dictionary<string, string?>
        {
            ["AzureWebJobsStorage"] = null,
            ["AzureWebJobsStorage:accountName"] = "fractalnoaccount",
            ["AzureWebJobsStorage:credential"] = "managedidentity",
            ["DurableStorage"] = AppHost.StorageConnection,
            ["AzureFunctionsJobHost:extensions:durableTask:storageProvider:connectionName"] = "DurableStorage",
        };
        var connection = StorageConnection.Read(new ConfigurationBuilder().AddInMemoryCollection(identity).Build())!;
        await using var app = await AppHost.StartAsync(identity, services: services => services.AddSingleton(new StorageClientFactory(connection, credential)));

        var response = await app.Client.GetAsync(new Uri("/api/health", UriKind.Relative));
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        return (response.StatusCode, body.GetProperty("storage"));
    }
}
