namespace Fractal.Domain.Statistics.Clustering;

/// <summary>
/// A binary min-heap of values keyed 0..n-1 whose values can change in place, laid out and sifted as SciPy's
/// linkage heap so that ties resolve identically.
/// </summary>
internal sealed class IndexedMinHeap
{
    private readonly double[] _values;
    private readonly int[] _keyByIndex;
    private readonly int[] _indexByKey;
    private int _size;

    public IndexedMinHeap(double[] values)
    {
        _size = values.Length;
        _values = (double[])values.Clone();
        _keyByIndex = new int[_size];
        _indexByKey = new int[_size];
        for (var i = 0; i < _size; i++)
        {
            _keyByIndex[i] = i;
            _indexByKey[i] = i;
        }

        for (var i = (_size / 2) - 1; i >= 0; i--)
        {
            SiftDown(i);
        }
    }

    public (int Key, double Value) Min => (_keyByIndex[0], _values[0]);

    public void RemoveMin()
    {
        Swap(0, _size - 1);
        _size--;
        SiftDown(0);
    }

    public void Change(int key, double value)
    {
        var index = _indexByKey[key];
        var old = _values[index];
        _values[index] = value;
        if (value < old)
        {
            SiftUp(index);
        }
        else
        {
            SiftDown(index);
        }
    }

    private void SiftUp(int index)
    {
        var parent = (index - 1) / 2;
        while (index > 0 && _values[parent] > _values[index])
        {
            Swap(index, parent);
            index = parent;
            parent = (index - 1) / 2;
        }
    }

    private void SiftDown(int index)
    {
        var child = (2 * index) + 1;
        while (child < _size)
        {
            if (child + 1 < _size && _values[child + 1] < _values[child])
            {
                child++;
            }

            if (_values[index] > _values[child])
            {
                Swap(index, child);
                index = child;
                child = (2 * index) + 1;
            }
            else
            {
                break;
            }
        }
    }

    private void Swap(int i, int j)
    {
        (_values[i], _values[j]) = (_values[j], _values[i]);
        var keyI = _keyByIndex[i];
        var keyJ = _keyByIndex[j];
        _keyByIndex[i] = keyJ;
        _keyByIndex[j] = keyI;
        _indexByKey[keyI] = j;
        _indexByKey[keyJ] = i;
    }
}
