using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;

namespace Fractal.Samples;

/// <summary>
/// The 202 Accepted reply of an HTTP starter, with Durable Functions' management payload (status, event, terminate,
/// suspend, resume and purge URLs under <c>/runtime/webhooks/durabletask</c>) and the status URL as <c>Location</c>.
/// Worker.Extensions.DurableTask builds this only for <c>HttpRequestData</c>; these starters take ASP.NET Core's
/// <see cref="HttpRequest"/>. Callers add their key (<c>code</c> or <c>x-functions-key</c>) to the URLs.
/// </summary>
internal static class CheckStatusResponse
{
    public static IActionResult Create(HttpRequest request, string instanceId)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentException.ThrowIfNullOrEmpty(instanceId);
        var instance = $"{request.Scheme}://{request.Host}/runtime/webhooks/durabletask/instances/{Uri.EscapeDataString(instanceId)}";
        var payload = new Dictionary<string, string>
        {
            ["id"] = instanceId,
            ["statusQueryGetUri"] = instance,
            ["sendEventPostUri"] = $"{instance}/raiseEvent/{{eventName}}",
            ["terminatePostUri"] = $"{instance}/terminate?reason={{text}}",
            ["suspendPostUri"] = $"{instance}/suspend?reason={{text}}",
            ["resumePostUri"] = $"{instance}/resume?reason={{text}}",
            ["purgeHistoryDeleteUri"] = instance,
            ["restartPostUri"] = $"{instance}/restart",
        };
        return new AcceptedResult(instance, payload);
    }
}
