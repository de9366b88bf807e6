namespace Fractal.Durable.Functions;

/// <summary>Marks a function's <see cref="TaskOrchestrationContext"/> parameter: the function is an orchestrator.</summary>
[AttributeUsage(AttributeTargets.Parameter, AllowMultiple = false, Inherited = false)]
public sealed class OrchestrationTriggerAttribute : Attribute;
