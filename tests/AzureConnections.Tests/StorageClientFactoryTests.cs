using Azure.Core;
using Azure.Data.Tables;
using Azure.Identity;
using Azure.Storage.Blobs;
using Azure.Storage.Queues;
using Moq;

namespace Fractal.AzureConnections.Tests;

public sealed class StorageClientFactoryTests
{
    private const string StorageScope = "https://storage.azure.com/.default";

    [Theory]
    [InlineData(StorageService.Blob, "https://fractaldata.blob.core.windows.net/")]
    [InlineData(StorageService.Queue, "https://fractaldata.queue.core.windows.net/")]
    [InlineData(StorageService.Table, "https://fractaldata.table.core.windows.net/")]
    public async Task CreateServiceClient_AccountName_AsksTheCredentialForAStorageTokenAtTheAccountsEndpoint(StorageService service, string endpoint)
    {
        var credential = RefusingCredential();
        var factory = IdentityFactory(credential.Object);

        var (uri, call) = service switch
        {
            StorageService.Blob => Client(factory.CreateBlobServiceClient(new BlobClientOptions { Retry = { MaxRetries = 0 } }), c => c.Uri, c => c.GetPropertiesAsync()),
            StorageService.Queue => Client(factory.CreateQueueServiceClient(new QueueClientOptions { Retry = { MaxRetries = 0 } }), c => c.Uri, c => c.GetPropertiesAsync()),
            _ => Client(factory.CreateTableServiceClient(new TableClientOptions { Retry = { MaxRetries = 0 } }), c => c.Uri, c => c.GetPropertiesAsync()),
        };
        await Assert.ThrowsAsync<CredentialUnavailableException>(call);

        Assert.Equal(new Uri(endpoint), uri);
        credential.Verify(c => c.GetTokenAsync(It.Is<TokenRequestContext>(r => r.Scopes.Contains(StorageScope)), It.IsAny<CancellationToken>()), Times.AtLeastOnce());
    }

    [Fact]
    public void CreateClients_ConnectionString_SharedKeyOnTheConnectionsEndpoints()
    {
        var factory = StorageClientFactory.FromConfiguration(Settings.Of(("AzureWebJobsStorage", Settings.Azurite)))!;

        var blob = factory.CreateBlobServiceClient();
        var queue = factory.CreateQueueServiceClient();
        var table = factory.CreateTableServiceClient();

        Assert.Null(factory.Credential);
        Assert.True(blob.CanGenerateAccountSasUri);
        Assert.True(queue.CanGenerateAccountSasUri);
        Assert.Equal("devstoreaccount1", blob.AccountName);
        Assert.Equal(new Uri("http://127.0.0.1:10001/devstoreaccount1"), queue.Uri);
        Assert.Equal("devstoreaccount1", table.AccountName);
    }

    [Fact]
    public void Credential_ManagedIdentitySettings_ManagedIdentityCredential()
    {
        var factory = StorageClientFactory.FromConfiguration(Settings.Of(
            ("AzureWebJobsStorage__accountName", "fractaldata"),
            ("AzureWebJobsStorage__credential", "managedidentity"),
            ("AzureWebJobsStorage__clientId", "1b0c9a52-0d5c-4c1f-9c8e-1d2f3a4b5c6d")))!;

        Assert.IsType<ManagedIdentityCredential>(factory.Credential);
    }

    [Fact]
    public void Credential_TenantClientAndSecret_ClientSecretCredential()
    {
        var factory = StorageClientFactory.FromConfiguration(Settings.Of(
            ("AzureWebJobsStorage__accountName", "fractaldata"),
            ("AzureWebJobsStorage__tenantId", "72f988bf-86f1-41af-91ab-2d7cd011db47"),
            ("AzureWebJobsStorage__clientId", "1b0c9a52-0d5c-4c1f-9c8e-1d2f3a4b5c6d"),
            ("AzureWebJobsStorage__clientSecret", "not-a-real-secret")))!;

        Assert.IsType<ClientSecretCredential>(factory.Credential);
    }

    [Fact]
    public void Credential_NoCredentialSetting_DefaultChain()
    {
        var factory = StorageClientFactory.FromConfiguration(Settings.Of(("AzureWebJobsStorage__accountName", "fractaldata")))!;

        Assert.IsType<DefaultAzureCredential>(factory.Credential);
    }

    [Fact]
    public void FromConfiguration_NothingSet_None()
    {
        Assert.Null(StorageClientFactory.FromConfiguration(Settings.Of()));
    }

    private static (Uri Uri, Func<Task> Call) Client<TClient, TResult>(TClient client, Func<TClient, Uri> uri, Func<TClient, Task<TResult>> call) =>
        (uri(client), () => call(client));

    private static StorageClientFactory IdentityFactory(TokenCredential credential) =>
        new(StorageConnection.Read(Settings.Of(("AzureWebJobsStorage__accountName", "fractaldata"), ("AzureWebJobsStorage__credential", "managedidentity")))!, credential);

    // A credential that cannot get a token: the client fails before any request leaves the machine.
    private static Mock<TokenCredential> RefusingCredential()
    {
        var credential = new Mock<TokenCredential>();
        credential.Setup(c => c.GetTokenAsync(It.IsAny<TokenRequestContext>(), It.IsAny<CancellationToken>()))
            .ThrowsAsync(new CredentialUnavailableException("No managed identity endpoint here."));
        credential.Setup(c => c.GetToken(It.IsAny<TokenRequestContext>(), It.IsAny<CancellationToken>()))
            .Throws(new CredentialUnavailableException("No managed identity endpoint here."));
        return credential;
    }
}
