using DurableTask.Core;

namespace Fractal.Bench.Engine.Bare;

/// <summary>The fan-out sample as a plain DTFx orchestration: <c>count</c> activities at once, each returning its index.</summary>
internal sealed class FanOutOrchestration : TaskOrchestration<int[], int>
{
    public override Task<int[]> RunTask(OrchestrationContext context, int input)
    {
        ArgumentNullException.ThrowIfNull(context);
        return Task.WhenAll(Enumerable.Range(0, input).Select(i => context.ScheduleTask<int>(typeof(EchoIndexActivity), i)));
    }
}
