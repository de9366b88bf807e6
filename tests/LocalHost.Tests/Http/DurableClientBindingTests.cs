using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.DurableTask;
using Moq;

namespace Fractal.LocalHost.Tests.Http;

public sealed class DurableClientBindingTests
{
    [Fact]
    public async Task CreateHttpManagementPayload_InAnHttpFunction_PointsAtThisHostWithTheSystemKey()
    {
        await using var host = await HttpTestHost.StartAsync();
        host.Client.Setup(c => c.ScheduleNewOrchestrationInstanceAsync(It.IsAny<TaskName>(), It.IsAny<object?>(), It.IsAny<StartOrchestrationOptions?>(), It.IsAny<CancellationToken>()))
            .ReturnsAsync("instance-1");

        using var response = await host.Http.PostAsync(new Uri("api/start/HelloCities", UriKind.Relative), null);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        var baseUrl = host.Host.BaseAddress.ToString().TrimEnd('/');
        Assert.Equal(
            $"{baseUrl}/runtime/webhooks/durabletask/instances/instance-1?taskHub=HttpTestsHub&connection=Storage&code={HttpTestHost.SystemKey}",
            body.GetProperty("statusQueryGetUri").GetString());
        Assert.StartsWith($"{baseUrl}/runtime/webhooks/durabletask/instances/instance-1/terminate?reason=", body.GetProperty("terminatePostUri").GetString(), StringComparison.Ordinal);
    }
}
