namespace Fractal.Etl.Handlers;

/// <summary>Distinct feature names in order of first appearance; cheap for runs of one feature.</summary>
internal sealed class FeatureSet
{
    private readonly HashSet<string> _seen = new(StringComparer.Ordinal);
    private readonly List<string> _ordered = [];
    private string? _last;

    public void AddAll(IEnumerable<string> features)
    {
        foreach (var feature in features)
        {
            Add(feature);
        }
    }

    public void Add(string feature)
    {
        if (ReferenceEquals(feature, _last))
        {
            return;
        }

        _last = feature;
        if (_seen.Add(feature))
        {
            _ordered.Add(feature);
        }
    }

    public IReadOnlyList<string> ToList() => [.. _ordered];
}
