using Microsoft.DurableTask.Client;

namespace Fractal.FunctionApp.Web;

/// <summary>
/// The 202 Accepted answer of an HTTP starter: Durable Functions' management payload (status, event, terminate,
/// suspend, resume and purge URLs, with the key the host puts in them) and the status URL as <c>Location</c>, as
/// <c>CreateCheckStatusResponse</c> answers for <c>HttpRequestData</c>; these functions take ASP.NET Core's
/// <see cref="HttpRequest"/>, so the payload comes from the <c>[DurableClient]</c> binding itself.
/// </summary>
internal static class CheckStatus
{
    public static IResult Accepted(DurableTaskClient client, string instanceId)
    {
        ArgumentNullException.ThrowIfNull(client);
        var payload = client.CreateHttpManagementPayload(instanceId);
        return Results.Accepted(payload.StatusQueryGetUri, payload);
    }
}
