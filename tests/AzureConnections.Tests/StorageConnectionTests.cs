namespace Fractal.AzureConnections.Tests;

public sealed class StorageConnectionTests
{
    [Fact]
    public void Read_AccountName_IdentityBasedWithTheAccountsEndpoints()
    {
        var connection = StorageConnection.Read(Settings.Of(("AzureWebJobsStorage__accountName", "fractaldata")))!;

        Assert.True(connection.IsIdentityBased);
        Assert.Null(connection.ConnectionString);
        Assert.Equal(new Uri("https://fractaldata.blob.core.windows.net"), connection.ServiceUris!.Blob);
        Assert.Equal(new Uri("https://fractaldata.queue.core.windows.net"), connection.ServiceUris.Queue);
        Assert.Equal(new Uri("https://fractaldata.table.core.windows.net"), connection.ServiceUris.Table);
    }

    [Fact]
    public void Read_ExplicitServiceUri_WinsOverTheAccountName()
    {
        var connection = StorageConnection.Read(Settings.Of(
            ("AzureWebJobsStorage__accountName", "fractaldata"),
            ("AzureWebJobsStorage__blobServiceUri", "https://fractaldata.privatelink.blob.core.windows.net")))!;

        Assert.Equal(new Uri("https://fractaldata.privatelink.blob.core.windows.net"), connection.ServiceUris!.Blob);
        Assert.Equal(new Uri("https://fractaldata.queue.core.windows.net"), connection.ServiceUris.Queue);
    }

    [Fact]
    public void Read_ManagedIdentityWithClientId_ReadsTheCredentialSettings()
    {
        var connection = StorageConnection.Read(Settings.Of(
            ("AzureWebJobsStorage__accountName", "fractaldata"),
            ("AzureWebJobsStorage__credential", "ManagedIdentity"),
            ("AzureWebJobsStorage__clientId", "1b0c9a52-0d5c-4c1f-9c8e-1d2f3a4b5c6d")))!;

        Assert.True(connection.Credential!.UsesManagedIdentity);
        Assert.Equal("1b0c9a52-0d5c-4c1f-9c8e-1d2f3a4b5c6d", connection.Credential.ClientId);
    }

    [Fact]
    public void Read_ConnectionString_SharedKey()
    {
        var connection = StorageConnection.Read(Settings.Of(("AzureWebJobsStorage", Settings.Azurite)))!;

        Assert.False(connection.IsIdentityBased);
        Assert.Equal(Settings.Azurite, connection.ConnectionString);
        Assert.Null(connection.ServiceUris);
    }

    [Fact]
    public void Read_ConnectionStringAndAccountName_ConnectionStringWins()
    {
        var connection = StorageConnection.Read(Settings.Of(("AzureWebJobsStorage", Settings.Azurite), ("AzureWebJobsStorage__accountName", "fractaldata")))!;

        Assert.False(connection.IsIdentityBased);
    }

    [Fact]
    public void Read_NothingSet_None()
    {
        Assert.Null(StorageConnection.Read(Settings.Of(("Other", "x"))));
    }

    [Fact]
    public void Read_OtherConnectionName_ReadsThatSetting()
    {
        var connection = StorageConnection.Read(Settings.Of(("DurableStorage__accountName", "fractalhub")), "DurableStorage")!;

        Assert.Equal("DurableStorage", connection.Name);
        Assert.Equal(new Uri("https://fractalhub.table.core.windows.net"), connection.ServiceUris!.Table);
    }

    [Fact]
    public void Read_UnknownCredential_ThrowsNamingTheSetting()
    {
        var error = Assert.Throws<StorageConnectionException>(() => StorageConnection.Read(Settings.Of(
            ("AzureWebJobsStorage__accountName", "fractaldata"), ("AzureWebJobsStorage__credential", "password"))));

        Assert.Equal("AzureWebJobsStorage__credential", error.Setting);
    }

    [Fact]
    public void Read_ServiceUriNotAbsolute_ThrowsNamingTheSetting()
    {
        var error = Assert.Throws<StorageConnectionException>(() => StorageConnection.Read(Settings.Of(("AzureWebJobsStorage__queueServiceUri", "fractal/queues"))));

        Assert.Equal("AzureWebJobsStorage__queueServiceUri", error.Setting);
    }

    [Fact]
    public void Read_AccountNameNotAHostLabel_ThrowsNamingTheSetting()
    {
        var error = Assert.Throws<StorageConnectionException>(() => StorageConnection.Read(Settings.Of(("AzureWebJobsStorage__accountName", "fractal/data"))));

        Assert.Equal("AzureWebJobsStorage__accountName", error.Setting);
    }

    [Fact]
    public void RequireServiceUri_OnlyBlobGiven_QueueThrowsNamingItsSetting()
    {
        var connection = StorageConnection.Read(Settings.Of(("AzureWebJobsStorage__blobServiceUri", "https://fractaldata.blob.core.windows.net")))!;

        var error = Assert.Throws<StorageConnectionException>(() => connection.RequireServiceUri(StorageService.Queue));

        Assert.Equal("AzureWebJobsStorage__queueServiceUri", error.Setting);
    }

    [Fact]
    public void CredentialSettings_ToString_HidesTheSecret()
    {
        var settings = new AzureCredentialSettings(null, "client", "tenant", "very-secret-value");

        Assert.DoesNotContain("very-secret-value", settings.ToString(), StringComparison.Ordinal);
    }
}
