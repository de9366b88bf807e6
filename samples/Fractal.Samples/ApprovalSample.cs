using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;

namespace Fractal.Samples;

/// <summary>Waits for an <c>Approval</c> event (true or false) for up to <c>timeoutSeconds</c>.</summary>
public static class ApprovalSample
{
    /// <summary>The event the orchestration waits for.</summary>
    public const string ApprovalEvent = "Approval";

    [Function(nameof(Approval))]
    public static async Task<string> Approval([OrchestrationTrigger] TaskOrchestrationContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var timeout = TimeSpan.FromSeconds(context.GetInput<double>());
        try
        {
            var approved = await context.WaitForExternalEvent<bool>(ApprovalEvent, timeout);
            return approved ? "approved" : "rejected";
        }
        catch (TaskCanceledException)
        {
            return "timed out";
        }
    }

    /// <summary>Starts <see cref="Approval"/>: <c>POST /api/samples/approval?timeoutSeconds=S</c> (default 60).</summary>
    [Function(nameof(ApprovalStart))]
    public static async Task<IActionResult> ApprovalStart(
        [HttpTrigger(AuthorizationLevel.Function, "post", Route = "samples/approval")] HttpRequest request,
        [DurableClient] DurableTaskClient client,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(client);
        var timeout = double.TryParse(request.Query["timeoutSeconds"], System.Globalization.CultureInfo.InvariantCulture, out var seconds)
            && seconds > 0 ? seconds : 60;
        var id = await client.ScheduleNewOrchestrationInstanceAsync(nameof(Approval), timeout, cancellationToken);
        return CheckStatusResponse.Create(client, id);
    }
}
