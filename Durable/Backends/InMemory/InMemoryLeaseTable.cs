namespace Fractal.Durable.Backends.InMemory;

/// <summary>Who owns which partition among the in-process workers of one in-memory hub.</summary>
internal sealed class InMemoryLeaseTable
{
    private readonly object _gate = new();
    private readonly SortedSet<string> _workers = new(StringComparer.Ordinal);
    private readonly string?[] _owners;

    public InMemoryLeaseTable(int partitionCount)
    {
        _owners = new string?[partitionCount];
    }

    public IReadOnlySet<int> Balance(string workerId)
    {
        lock (_gate)
        {
            _workers.Add(workerId);
            var ordered = _workers.ToList();
            var owned = new HashSet<int>();
            for (var partition = 0; partition < _owners.Length; partition++)
            {
                var target = ordered[partition % ordered.Count];
                if (_owners[partition] == workerId && target != workerId)
                {
                    _owners[partition] = null;
                }
                else if (target == workerId && _owners[partition] is null)
                {
                    _owners[partition] = workerId;
                }

                if (_owners[partition] == workerId)
                {
                    owned.Add(partition);
                }
            }

            return owned;
        }
    }

    public void Leave(string workerId)
    {
        lock (_gate)
        {
            _workers.Remove(workerId);
            for (var partition = 0; partition < _owners.Length; partition++)
            {
                if (_owners[partition] == workerId)
                {
                    _owners[partition] = null;
                }
            }
        }
    }
}
