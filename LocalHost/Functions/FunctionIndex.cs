using System.Collections.Immutable;
using System.Reflection;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Azure.Functions.Worker.Extensions.Abstractions;

namespace Fractal.LocalHost.Functions;

/// <summary>
/// The functions of a compiled isolated-worker app, found by reflection as the Functions SDK finds them: every method
/// with <see cref="FunctionAttribute"/>, classified by the trigger attribute on one of its parameters.
/// Names are compared without regard to case, as the Functions host compares them.
/// </summary>
public sealed class FunctionIndex
{
    private readonly ImmutableDictionary<string, FunctionDescriptor> _byName;

    private FunctionIndex(ImmutableArray<FunctionDescriptor> functions)
    {
        Functions = functions;
        _byName = functions.ToImmutableDictionary(f => f.Name, StringComparer.OrdinalIgnoreCase);
    }

    /// <summary>Every function, ordered by name.</summary>
    public ImmutableArray<FunctionDescriptor> Functions { get; }

    /// <summary>Reads the functions of <paramref name="assembly"/>.</summary>
    /// <exception cref="InvalidOperationException">
    /// Two functions share a name, or a function has no trigger or more than one (the message names the function).
    /// </exception>
    public static FunctionIndex FromAssembly(Assembly assembly)
    {
        ArgumentNullException.ThrowIfNull(assembly);
        return FromTypes(assembly.GetTypes());
    }

    /// <summary>Reads the functions declared by <paramref name="types"/>.</summary>
    /// <exception cref="InvalidOperationException">As <see cref="FromAssembly"/>.</exception>
    public static FunctionIndex FromTypes(IEnumerable<Type> types)
    {
        ArgumentNullException.ThrowIfNull(types);
        var functions = new List<FunctionDescriptor>();
        var seen = new Dictionary<string, MethodInfo>(StringComparer.OrdinalIgnoreCase);
        foreach (var type in types)
        {
            const BindingFlags Methods = BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance
                | BindingFlags.Static | BindingFlags.DeclaredOnly;
            foreach (var method in type.GetMethods(Methods))
            {
                var function = method.GetCustomAttribute<FunctionAttribute>();
                if (function is null)
                {
                    continue;
                }

                if (seen.TryGetValue(function.Name, out var first))
                {
                    throw new InvalidOperationException(
                        $"The function name '{function.Name}' is used twice: by {first.DeclaringType!.FullName}.{first.Name} "
                        + $"and by {type.FullName}.{method.Name}. Function names must be unique.");
                }

                seen.Add(function.Name, method);
                functions.Add(Describe(function.Name, method));
            }
        }

        functions.Sort((a, b) => StringComparer.OrdinalIgnoreCase.Compare(a.Name, b.Name));
        return new FunctionIndex([.. functions]);
    }

    /// <summary>Finds a function by name (without regard to case).</summary>
    public bool TryGetFunction(string name, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out FunctionDescriptor? function)
    {
        ArgumentNullException.ThrowIfNull(name);
        return _byName.TryGetValue(name, out function);
    }

    /// <summary>The functions started by one kind of trigger.</summary>
    public IEnumerable<FunctionDescriptor> OfKind(FunctionTriggerKind kind) => Functions.Where(f => f.TriggerKind == kind);

    private static FunctionDescriptor Describe(string name, MethodInfo method)
    {
        if (method.IsGenericMethodDefinition || method.DeclaringType is null || method.DeclaringType.ContainsGenericParameters)
        {
            throw new InvalidOperationException($"The function '{name}' ({method.DeclaringType?.FullName}.{method.Name}) is generic; functions cannot be.");
        }

        var parameters = method.GetParameters().Select(DescribeParameter).ToImmutableArray();
        var triggers = parameters.Where(p => p.Kind == FunctionParameterKind.Trigger).ToList();
        if (triggers.Count != 1)
        {
            throw new InvalidOperationException(
                $"The function '{name}' ({method.DeclaringType.FullName}.{method.Name}) has {triggers.Count} trigger parameters; a function has exactly one.");
        }

        var trigger = triggers[0];
        var kind = trigger.Binding switch
        {
            HttpTriggerAttribute => FunctionTriggerKind.Http,
            OrchestrationTriggerAttribute => FunctionTriggerKind.Orchestration,
            ActivityTriggerAttribute => FunctionTriggerKind.Activity,
            EntityTriggerAttribute => FunctionTriggerKind.Entity,
            _ => FunctionTriggerKind.Other,
        };
        return new FunctionDescriptor(name, method, kind, trigger, parameters, ResultTypeOf(method.ReturnType));
    }

    private static FunctionParameterDescriptor DescribeParameter(ParameterInfo parameter)
    {
        var binding = parameter.GetCustomAttributes<BindingAttribute>(inherit: true).FirstOrDefault();
        var type = parameter.ParameterType;
        var kind = binding switch
        {
            TriggerBindingAttribute => FunctionParameterKind.Trigger,
            not null => FunctionParameterKind.InputBinding,
            null when type == typeof(FunctionContext) => FunctionParameterKind.FunctionContext,
            null when type == typeof(CancellationToken) => FunctionParameterKind.CancellationToken,
            null when type == typeof(ILogger) => FunctionParameterKind.Logger,
            _ => FunctionParameterKind.Service,
        };
        return new FunctionParameterDescriptor(parameter, kind, binding);
    }

    private static Type? ResultTypeOf(Type returnType)
    {
        if (returnType == typeof(void) || returnType == typeof(Task) || returnType == typeof(ValueTask))
        {
            return null;
        }

        if (returnType.IsGenericType)
        {
            var definition = returnType.GetGenericTypeDefinition();
            if (definition == typeof(Task<>) || definition == typeof(ValueTask<>))
            {
                return returnType.GetGenericArguments()[0];
            }
        }

        return returnType;
    }
}
