using DurableTask.Core;
using Microsoft.DurableTask;

namespace Fractal.LocalHost.Durable;

/// <summary>
/// The DTFx orchestration the object manager hands out for a function: the shim is created at the first episode, once
/// the dispatcher middleware has told this object its instance's parent (so that <c>context.Parent</c> is set in
/// sub-orchestrations), and then serves every later call.
/// </summary>
internal sealed class FunctionTaskOrchestration : TaskOrchestration
{
    private readonly Func<ParentOrchestrationInstance?, TaskOrchestration> _create;
    private TaskOrchestration? _shim;

    public FunctionTaskOrchestration(Func<ParentOrchestrationInstance?, TaskOrchestration> create)
    {
        ArgumentNullException.ThrowIfNull(create);
        _create = create;
    }

    /// <summary>The orchestration that started this instance as a sub-orchestration, if any.</summary>
    public ParentOrchestrationInstance? Parent { get; set; }

    public override Task<string> Execute(OrchestrationContext context, string input) => Shim().Execute(context, input);

    public override string GetStatus() => Shim().GetStatus();

    public override void RaiseEvent(OrchestrationContext context, string name, string input) => Shim().RaiseEvent(context, name, input);

    private TaskOrchestration Shim() => _shim ??= _create(Parent);
}
