using DurableTask.Core.History;
using Fractal.LocalHost.Durable;
using Fractal.LocalHost.Tests.Support;
using Fractal.Samples;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.DependencyInjection;

namespace Fractal.LocalHost.Tests.Durable;

public sealed class DurableFunctionsRuntimeTests
{
    [Fact]
    public async Task StopAsync_ActivityInFlight_CancelsAndAbandonsItSoTheNextHostCompletesIt()
    {
        // The default visibility timeout (5 minutes): a message the first host kept would not come back within the wait below.
        var hubName = DurableTestHost.NewHubName();
        var visibility = $"{DurableTaskSettingNames.ConfigurationSection}:storageProvider:workItemQueueVisibilityTimeout";
        var settings = DurableTestHost.TestSettings(hubName);
        settings[visibility] = "00:05:00";
        string id;
        using (var first = DurableTestHost.Build(settings))
        {
            await first.StartAsync();
            id = await first.Services.GetRequiredService<DurableTaskClient>().ScheduleNewOrchestrationInstanceAsync(nameof(StopSample.WaitsForStop));
            using var deadline = new CancellationTokenSource(TimeSpan.FromSeconds(60));
            while (StopSample.Attempts(id) == 0)
            {
                await Task.Delay(50, deadline.Token);
            }

            await first.StopAsync();
        }

        await using var second = await DurableTestHost.StartAsync(next =>
        {
            next[$"{DurableTaskSettingNames.ConfigurationSection}:hubName"] = hubName;
            next[visibility] = "00:05:00";
        });
        var result = await second.WaitForCompletionAsync(id);
        var history = await second.Client.GetOrchestrationHistoryAsync(id);

        Assert.Equal(OrchestrationRuntimeStatus.Completed, result.RuntimeStatus);
        Assert.Equal(2, result.ReadOutputAs<int>());
        Assert.DoesNotContain(history, e => e is TaskFailedEvent);
    }
}
