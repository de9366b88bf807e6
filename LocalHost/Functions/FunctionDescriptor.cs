using System.Collections.Immutable;
using System.Reflection;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Azure.Functions.Worker.Extensions.Abstractions;

namespace Fractal.LocalHost.Functions;

/// <summary>One function of a compiled isolated-worker app: its name, method, trigger and parameters.</summary>
public sealed class FunctionDescriptor
{
    internal FunctionDescriptor(
        string name,
        MethodInfo method,
        FunctionTriggerKind triggerKind,
        FunctionParameterDescriptor trigger,
        ImmutableArray<FunctionParameterDescriptor> parameters,
        Type? resultType)
    {
        Name = name;
        Method = method;
        TriggerKind = triggerKind;
        Trigger = trigger;
        Parameters = parameters;
        ResultType = resultType;
    }

    /// <summary>The function's name (<c>[Function("...")]</c>).</summary>
    public string Name { get; }

    /// <summary>The method that implements it.</summary>
    public MethodInfo Method { get; }

    /// <summary>The class that declares it (created through DI per invocation when the method is not static).</summary>
    public Type DeclaringType => Method.DeclaringType!;

    /// <summary>What starts it.</summary>
    public FunctionTriggerKind TriggerKind { get; }

    /// <summary>The trigger parameter.</summary>
    public FunctionParameterDescriptor Trigger { get; }

    /// <summary>The trigger attribute.</summary>
    public TriggerBindingAttribute TriggerAttribute => (TriggerBindingAttribute)Trigger.Binding!;

    /// <summary>The HTTP trigger attribute (auth level, methods, route), or <see langword="null"/> for other triggers.</summary>
    public HttpTriggerAttribute? HttpTrigger => Trigger.Binding as HttpTriggerAttribute;

    /// <summary>Every parameter, in declaration order.</summary>
    public ImmutableArray<FunctionParameterDescriptor> Parameters { get; }

    /// <summary>
    /// The type of the value the function produces once awaited (<c>T</c> of <c>Task&lt;T&gt;</c>, <c>ValueTask&lt;T&gt;</c> or a
    /// plain return type), or <see langword="null"/> when it produces none.
    /// </summary>
    public Type? ResultType { get; }

    /// <summary>The function's id, unique in the app (its entry point).</summary>
    public string EntryPoint => $"{DeclaringType.FullName}.{Method.Name}";

    /// <inheritdoc />
    public override string ToString() => $"{Name} ({TriggerKind}, {EntryPoint})";
}
