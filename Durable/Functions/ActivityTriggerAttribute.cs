namespace Fractal.Durable.Functions;

/// <summary>Marks a function's input parameter: the function is an activity, and the parameter receives the orchestrator's input.</summary>
[AttributeUsage(AttributeTargets.Parameter, AllowMultiple = false, Inherited = false)]
public sealed class ActivityTriggerAttribute : Attribute;
