using System.Reflection;
using Fractal.Durable.Functions;

namespace Fractal.Durable.Hosting;

/// <summary>Which parameter attributes make a method a triggered function.</summary>
internal static class FunctionTriggers
{
    private static readonly Type[] s_triggerAttributes =
        [typeof(HttpTriggerAttribute), typeof(OrchestrationTriggerAttribute), typeof(ActivityTriggerAttribute)];

    public static bool HasTrigger(MethodInfo method) =>
        method.GetParameters().Any(p => s_triggerAttributes.Any(a => p.IsDefined(a, inherit: false)));
}
