using DurableTask.Core;

namespace Fractal.Bench.Engine.Bare;

/// <summary>The hello sample's activity as a plain DTFx activity.</summary>
internal sealed class SayHelloActivity : TaskActivity<string, string>
{
    protected override string Execute(TaskContext context, string input) => $"Hello {input}!";
}
