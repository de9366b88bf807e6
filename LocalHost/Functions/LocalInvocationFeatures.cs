using System.Collections;
using System.Collections.Concurrent;
using Microsoft.Azure.Functions.Worker;

namespace Fractal.LocalHost.Functions;

/// <summary>The features of one local invocation: a type-keyed bag, as the worker keeps it.</summary>
public sealed class LocalInvocationFeatures : IInvocationFeatures
{
    private readonly ConcurrentDictionary<Type, object> _features = new();

    /// <inheritdoc />
    public T? Get<T>() => _features.TryGetValue(typeof(T), out var feature) ? (T)feature : default;

    /// <inheritdoc />
    public void Set<T>(T instance)
    {
        if (instance is null)
        {
            _features.TryRemove(typeof(T), out _);
        }
        else
        {
            _features[typeof(T)] = instance;
        }
    }

    /// <inheritdoc />
    public IEnumerator<KeyValuePair<Type, object>> GetEnumerator() => _features.GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}
