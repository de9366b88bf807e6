using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask;

namespace Fractal.Samples;

/// <summary>Chains activities: each one's output is the next one's input.</summary>
public static class SequenceSample
{
    [Function(nameof(Sequence))]
    public static async Task<string> Sequence([OrchestrationTrigger] TaskOrchestrationContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var text = context.GetInput<string>() ?? string.Empty;
        foreach (var letter in new[] { "a", "b", "c" })
        {
            text = await context.CallActivityAsync<string>(nameof(AppendLetter), new AppendRequest(text, letter));
        }

        return text;
    }

    [Function(nameof(AppendLetter))]
    public static string AppendLetter([ActivityTrigger] AppendRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        return request.Text + request.Letter;
    }
}
