using DurableTask.Core;

namespace Fractal.Bench.Engine.Bare;

/// <summary>The fan-out sample's activity as a plain DTFx activity.</summary>
internal sealed class EchoIndexActivity : TaskActivity<int, int>
{
    protected override int Execute(TaskContext context, int input) => input;
}
