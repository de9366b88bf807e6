using DurableTask.Core;

namespace Fractal.Bench.Engine.Bare;

/// <summary>The hello sample as a plain DTFx orchestration: one activity per city, in sequence.</summary>
internal sealed class HelloCitiesOrchestration : TaskOrchestration<List<string>, string>
{
    public override async Task<List<string>> RunTask(OrchestrationContext context, string input)
    {
        ArgumentNullException.ThrowIfNull(context);
        return
        [
            await context.ScheduleTask<string>(typeof(SayHelloActivity), "Tokyo"),
            await context.ScheduleTask<string>(typeof(SayHelloActivity), "Seattle"),
            await context.ScheduleTask<string>(typeof(SayHelloActivity), "London"),
        ];
    }
}
