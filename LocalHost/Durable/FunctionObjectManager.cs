using DurableTask.Core;

namespace Fractal.LocalHost.Durable;

/// <summary>
/// Finds DTFx orchestrations or activities by name, without regard to case or version (function names are the
/// only key in Durable Functions). A name the app lacks gets the object <c>missing</c> builds, which fails naming it.
/// </summary>
internal sealed class FunctionObjectManager<T> : INameVersionObjectManager<T>
    where T : class
{
    private readonly Dictionary<string, Func<T>> _creators = new(StringComparer.OrdinalIgnoreCase);
    private readonly Func<string, T> _missing;

    public FunctionObjectManager(Func<string, T> missing)
    {
        ArgumentNullException.ThrowIfNull(missing);
        _missing = missing;
    }

    public void Add(ObjectCreator<T> creator)
    {
        ArgumentNullException.ThrowIfNull(creator);
        Add(creator.Name, creator.Create);
    }

    public void Add(string name, Func<T> create)
    {
        if (!_creators.TryAdd(name, create))
        {
            throw new InvalidOperationException($"The function name '{name}' is registered twice.");
        }
    }

    public T GetObject(string name, string? version) =>
        _creators.TryGetValue(name, out var create) ? create() : _missing(name);
}
