using Fractal.LocalHost.Durable;
using Fractal.LocalHost.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Fractal.LocalHost.Tests.Durable;

public sealed class DurableTaskHostOptionsTests
{
    private static DurableTaskHostOptions Read(Action<Dictionary<string, string?>> adjust)
    {
        var settings = DurableTestHost.TestSettings("OptionsHub");
        adjust(settings);
        using var host = DurableTestHost.Build(settings);
        return host.Services.GetRequiredService<IOptions<DurableTaskHostOptions>>().Value;
    }

    private static string Key(string name) => $"{DurableTaskSettingNames.ConfigurationSection}:{name}";

    [Fact]
    public void Read_NothingSet_DurableFunctionsDefaults()
    {
        var options = Read(s => s.Clear());

        Assert.Equal("TestHubName", options.HubName);
        Assert.Equal(4, options.PartitionCount);
        Assert.Equal(32, options.ControlQueueBatchSize);
        Assert.Equal(TimeSpan.FromSeconds(30), options.MaxQueuePollingInterval);
        Assert.Equal(TimeSpan.FromMinutes(5), options.ControlQueueVisibilityTimeout);
        Assert.Equal(TimeSpan.FromMinutes(5), options.WorkItemQueueVisibilityTimeout);
        Assert.False(options.ExtendedSessionsEnabled);
        Assert.Equal(30, options.ExtendedSessionIdleTimeoutInSeconds);
        Assert.Equal(10 * Environment.ProcessorCount, options.MaxConcurrentActivityFunctions);
    }

    [Fact]
    public void Read_HostJsonValues_BoundWithoutRegardToCase()
    {
        var options = Read(s =>
        {
            s[Key("HubName")] = "SamplesHub";
            s[Key("storageProvider:PartitionCount")] = "3";
            s[Key("storageProvider:controlQueueBatchSize")] = "8";
            s[Key("maxConcurrentActivityFunctions")] = "7";
            s[Key("extendedSessionIdleTimeoutInSeconds")] = "12";
        });

        Assert.Equal("SamplesHub", options.HubName);
        Assert.Equal(3, options.PartitionCount);
        Assert.Equal(8, options.ControlQueueBatchSize);
        Assert.Equal(7, options.MaxConcurrentActivityFunctions);
        Assert.Equal(12, options.ExtendedSessionIdleTimeoutInSeconds);
        Assert.Equal(TimeSpan.FromMilliseconds(250), options.MaxQueuePollingInterval);
        Assert.True(options.ExtendedSessionsEnabled);
    }

    [Fact]
    public async Task Start_PartitionCountNotANumber_FailsNamingTheSetting()
    {
        var settings = DurableTestHost.TestSettings("OptionsHub");
        settings[Key("storageProvider:partitionCount")] = "four";
        using var host = DurableTestHost.Build(settings);

        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => host.StartAsync());

        Assert.Contains("extensions:durableTask:storageProvider:partitionCount", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Start_ExtendedSessionsNotABoolean_FailsNamingTheSetting()
    {
        var settings = DurableTestHost.TestSettings("OptionsHub");
        settings[Key("extendedSessionsEnabled")] = "yes";
        using var host = DurableTestHost.Build(settings);

        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => host.StartAsync());

        Assert.Contains("extensions:durableTask:extendedSessionsEnabled", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Start_PollingIntervalNotATimeSpan_FailsNamingTheSetting()
    {
        var settings = DurableTestHost.TestSettings("OptionsHub");
        settings[Key("storageProvider:maxQueuePollingInterval")] = "soon";
        using var host = DurableTestHost.Build(settings);

        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => host.StartAsync());

        Assert.Contains("extensions:durableTask:storageProvider:maxQueuePollingInterval", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Start_PartitionCountOutOfRange_FailsNamingTheSetting()
    {
        var settings = DurableTestHost.TestSettings("OptionsHub");
        settings[Key("storageProvider:partitionCount")] = "17";
        using var host = DurableTestHost.Build(settings);

        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => host.StartAsync());

        Assert.Contains("extensions:durableTask:storageProvider:partitionCount", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Start_HubNameWithPunctuation_FailsNamingTheSetting()
    {
        var settings = DurableTestHost.TestSettings("bad-hub");
        using var host = DurableTestHost.Build(settings);

        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => host.StartAsync());

        Assert.Contains("extensions:durableTask:hubName", error.Message, StringComparison.Ordinal);
    }
}
