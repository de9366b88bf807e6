using Fractal.Durable.Backends.AzureStorage;

namespace Fractal.Durable.Tests.Backends;

public sealed class AzureStorageTaskHubBackendConstructionTests
{
    [Theory]
    [InlineData("ab")]
    [InlineData("1hub")]
    [InlineData("my-hub")]
    [InlineData("my_hub")]
    [InlineData("hüb1")]
    [InlineData("h234567890123456789012345678901234567890123456")]
    public void Constructor_InvalidHubName_ThrowsArgumentExceptionNamingTheRule(string hubName)
    {
        var exception = Record.Exception(() => new AzureStorageTaskHubBackend("UseDevelopmentStorage=true", hubName, new AzureStorageBackendOptions()));

        var argument = Assert.IsType<ArgumentException>(exception);
        Assert.Equal("hubName", argument.ParamName);
        Assert.Contains("letters and digits", argument.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("abc")]
    [InlineData("MyHub2")]
    [InlineData("h23456789012345678901234567890123456789012345")]
    public void Constructor_ValidHubName_Succeeds(string hubName)
    {
        using var backend = new AzureStorageTaskHubBackend("UseDevelopmentStorage=true", hubName, new AzureStorageBackendOptions());

        Assert.Equal(hubName, backend.HubName);
    }

    [Fact]
    public void TaskHubNames_MixedCaseHub_TablesKeepTheCaseAndQueuesAndContainersAreLowerCase()
    {
        var names = new TaskHubNames("MyHub", 2);

        Assert.Equal("MyHubInstances", names.InstancesTable);
        Assert.Equal("MyHubHistory", names.HistoryTable);
        Assert.Equal(["myhub-control-00", "myhub-control-01"], names.ControlQueues);
        Assert.Equal("myhub-workitems", names.WorkItemQueue);
        Assert.Equal("myhub-poison", names.PoisonQueue);
        Assert.Equal("myhub-leases", names.LeasesContainer);
        Assert.Equal("myhub-largemessages", names.LargeMessagesContainer);
    }

    [Fact]
    public void Options_Defaults_AreFourPartitionsThirtySecondLeasesAndA45KilobyteThreshold()
    {
        var options = new AzureStorageBackendOptions();

        Assert.Equal(4, options.PartitionCount);
        Assert.Equal(TimeSpan.FromSeconds(30), options.LeaseDuration);
        Assert.Equal(45 * 1024, options.LargeMessageThreshold);
    }

    [Fact]
    public void Options_WorkerTimeoutNotSet_IsTwiceTheLeaseDuration()
    {
        var options = new AzureStorageBackendOptions { LeaseDuration = TimeSpan.FromSeconds(20) };

        Assert.Equal(TimeSpan.FromSeconds(40), options.WorkerTimeout);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(17)]
    public void Options_PartitionCountOutside1To16_Throws(int partitionCount) =>
        Assert.Throws<ArgumentOutOfRangeException>(() => new AzureStorageBackendOptions { PartitionCount = partitionCount });

    [Theory]
    [InlineData(14)]
    [InlineData(61)]
    public void Options_LeaseDurationOutside15To60Seconds_Throws(int seconds) =>
        Assert.Throws<ArgumentOutOfRangeException>(() => new AzureStorageBackendOptions { LeaseDuration = TimeSpan.FromSeconds(seconds) });
}
