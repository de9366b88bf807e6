using System.Globalization;
using Fractal.Durable;
using Fractal.Durable.Client;
using Fractal.Durable.Functions;

namespace Fractal.FunctionApp.Samples;

/// <summary>
/// <c>POST /api/samples/approval?timeoutSeconds=S</c>: waits for the external event <c>approval</c>;
/// output <c>"approved"</c>, or <c>"timed out"</c> after S seconds.
/// </summary>
public static class ApprovalSample
{
    private const int MaxTimeoutSeconds = 7 * 24 * 3600;

    [Function("ApprovalSample_Start")]
    public static async Task<IResult> StartAsync(
        [HttpTrigger(AuthorizationLevel.Function, "post", Route = "samples/approval")] HttpRequest request,
        [DurableClient] DurableTaskClient client,
        CancellationToken cancellationToken)
    {
        var text = request.Query["timeoutSeconds"].ToString();
        var seconds = 60.0;
        if (text.Length > 0 && (!double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out seconds) || !double.IsFinite(seconds) || seconds is <= 0 or > MaxTimeoutSeconds))
        {
            throw HttpProblemException.BadRequest("timeoutSeconds", $"timeoutSeconds must be a number of seconds above 0 and at most {MaxTimeoutSeconds}.");
        }

        var instanceId = await client.ScheduleNewOrchestrationInstanceAsync(nameof(AwaitApproval), seconds, cancellationToken: cancellationToken);
        return client.CreateCheckStatusResponse(request, instanceId);
    }

    [Function(nameof(AwaitApproval))]
    public static async Task<string> AwaitApproval([OrchestrationTrigger] TaskOrchestrationContext context)
    {
        var timeout = TimeSpan.FromSeconds(context.GetInput<double>());
        try
        {
            await context.WaitForExternalEvent<object?>("approval", timeout);
            return "approved";
        }
        catch (TaskCanceledException)
        {
            return "timed out";
        }
    }
}
