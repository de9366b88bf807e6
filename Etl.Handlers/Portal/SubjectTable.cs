namespace Fractal.Etl.Handlers.Portal;

/// <summary>Values by subject and field, subjects in order of first appearance; fields not observed stay missing.</summary>
internal sealed class SubjectTable(int fieldCount)
{
    private readonly Dictionary<string, int> _rows = new(StringComparer.Ordinal);
    private readonly List<string> _ids = [];
    private readonly List<SourceValue[]> _values = [];

    public int Count => _ids.Count;

    public void Set(string id, int field, SourceValue value)
    {
        if (!_rows.TryGetValue(id, out var row))
        {
            row = _ids.Count;
            _rows.Add(id, row);
            _ids.Add(id);
            _values.Add(Enumerable.Repeat(SourceValue.Missing, fieldCount).ToArray());
        }

        _values[row][field] = value;
    }

    public string Id(int row) => _ids[row];

    public ReadOnlySpan<SourceValue> Values(int row) => _values[row];
}
