using Fractal.Durable.Messaging;

namespace Fractal.Durable.Backends.InMemory;

/// <summary>A queue in memory with the semantics of an Azure Storage queue: visibility, dequeue counts, pop receipts.</summary>
internal sealed class InMemoryQueue<T>
    where T : class
{
    private readonly object _gate = new();
    private readonly List<Entry> _entries = [];
    private readonly TimeProvider _time;

    public InMemoryQueue(string name, TimeProvider time)
    {
        Name = name;
        _time = time;
    }

    public string Name { get; }

    public AsyncSignal Signal { get; } = new();

    public int Count
    {
        get
        {
            lock (_gate)
            {
                return _entries.Count;
            }
        }
    }

    public MessageReceipt Send(T body, TimeSpan delay)
    {
        var entry = new Entry(Guid.NewGuid().ToString("N"), body) { VisibleAt = _time.GetUtcNow() + delay, PopReceipt = Guid.NewGuid().ToString("N") };
        lock (_gate)
        {
            _entries.Add(entry);
        }

        if (delay <= TimeSpan.Zero)
        {
            Signal.Set();
        }

        return new MessageReceipt(Name, entry.Id, entry.PopReceipt);
    }

    public IReadOnlyList<ReceivedMessage<T>> Receive(int max, TimeSpan visibility)
    {
        var now = _time.GetUtcNow();
        var received = new List<ReceivedMessage<T>>();
        lock (_gate)
        {
            foreach (var entry in _entries)
            {
                if (received.Count >= max)
                {
                    break;
                }

                if (entry.VisibleAt > now)
                {
                    continue;
                }

                entry.VisibleAt = now + visibility;
                entry.DequeueCount++;
                entry.PopReceipt = Guid.NewGuid().ToString("N");
                received.Add(new ReceivedMessage<T>(entry.Body, entry.DequeueCount, new MessageReceipt(Name, entry.Id, entry.PopReceipt)));
            }
        }

        return received;
    }

    public void Delete(MessageReceipt receipt)
    {
        lock (_gate)
        {
            _entries.RemoveAll(e => e.Id == receipt.MessageId && e.PopReceipt == receipt.PopReceipt);
        }
    }

    public MessageReceipt Renew(MessageReceipt receipt, TimeSpan visibility)
    {
        lock (_gate)
        {
            var entry = _entries.Find(e => e.Id == receipt.MessageId && e.PopReceipt == receipt.PopReceipt)
                ?? throw new InvalidOperationException($"Message {receipt.MessageId} in {Name} was received again or deleted.");
            entry.VisibleAt = _time.GetUtcNow() + visibility;
            entry.PopReceipt = Guid.NewGuid().ToString("N");
            return receipt with { PopReceipt = entry.PopReceipt };
        }
    }

    public void Abandon(MessageReceipt receipt, TimeSpan delay)
    {
        lock (_gate)
        {
            if (_entries.Find(e => e.Id == receipt.MessageId && e.PopReceipt == receipt.PopReceipt) is { } entry)
            {
                entry.VisibleAt = _time.GetUtcNow() + delay;
            }
        }
    }

    public IReadOnlyList<T> Peek()
    {
        lock (_gate)
        {
            return [.. _entries.Select(e => e.Body)];
        }
    }

    private sealed class Entry(string id, T body)
    {
        public string Id { get; } = id;

        public T Body { get; } = body;

        public DateTimeOffset VisibleAt { get; set; }

        public int DequeueCount { get; set; }

        public string PopReceipt { get; set; } = string.Empty;
    }
}
