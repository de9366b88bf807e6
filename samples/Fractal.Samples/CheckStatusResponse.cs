using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask.Client;

namespace Fractal.Samples;

/// <summary>
/// The 202 Accepted reply of an HTTP starter: Durable Functions' management payload (status, event, terminate, suspend,
/// resume, rewind, restart and purge URLs under <c>/runtime/webhooks/durabletask</c>, signed with the extension's system
/// key) from the <c>[DurableClient]</c> binding, and the status URL as <c>Location</c>. Worker.Extensions.DurableTask's
/// <c>CreateCheckStatusResponse</c> takes only <c>HttpRequestData</c>; these starters use ASP.NET Core's request.
/// </summary>
internal static class CheckStatusResponse
{
    public static IActionResult Create(DurableTaskClient client, string instanceId)
    {
        ArgumentNullException.ThrowIfNull(client);
        ArgumentException.ThrowIfNullOrEmpty(instanceId);
        var payload = client.CreateHttpManagementPayload(instanceId);
        return new AcceptedResult(payload.StatusQueryGetUri, payload);
    }
}
