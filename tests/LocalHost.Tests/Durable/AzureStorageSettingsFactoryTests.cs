using Azure.Storage.Blobs;
using Azure.Storage.Queues;
using Fractal.LocalHost.Durable;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging.Abstractions;

namespace Fractal.LocalHost.Tests.Durable;

public sealed class AzureStorageSettingsFactoryTests
{
    private static DurableTask.AzureStorage.AzureStorageOrchestrationServiceSettings Create(params (string Key, string Value)[] settings) =>
        AzureStorageSettingsFactory.Create(
            new DurableTaskHostOptions { HubName = "FactoryHub" },
            new ConfigurationBuilder().AddInMemoryCollection(settings.Select(s => KeyValuePair.Create(s.Key, (string?)s.Value))).Build(),
            NullLoggerFactory.Instance);

    [Fact]
    public void Create_IdentityBasedConnection_TaskHubClientsUseTheAccountsEndpoints()
    {
        var settings = Create(("AzureWebJobsStorage:accountName", "fractalhub"), ("AzureWebJobsStorage:credential", "managedidentity"));

        var blob = settings.StorageAccountClientProvider!.Blob.CreateClient(new BlobClientOptions());
        var queue = settings.StorageAccountClientProvider!.Queue.CreateClient(new QueueClientOptions());

        Assert.Equal(new Uri("https://fractalhub.blob.core.windows.net"), blob.Uri);
        Assert.False(blob.CanGenerateAccountSasUri);
        Assert.Equal(new Uri("https://fractalhub.queue.core.windows.net"), queue.Uri);
    }

    [Fact]
    public void Create_ConnectionString_TaskHubClientsUseTheSharedKey()
    {
        var settings = Create(("AzureWebJobsStorage", "UseDevelopmentStorage=true"));

        var blob = settings.StorageAccountClientProvider!.Blob.CreateClient(new BlobClientOptions());

        Assert.Equal("devstoreaccount1", blob.AccountName);
        Assert.True(blob.CanGenerateAccountSasUri);
    }

    [Fact]
    public void Create_NoConnection_ThrowsNamingTheSettingAndTheIdentityAlternative()
    {
        var error = Assert.Throws<InvalidOperationException>(() => Create());

        Assert.Contains("'AzureWebJobsStorage'", error.Message, StringComparison.Ordinal);
        Assert.Contains("AzureWebJobsStorage__accountName", error.Message, StringComparison.Ordinal);
    }
}
