namespace Orchestration.Dashboard.Telemetry;

/// <summary>The most recent <c>capacity</c> items, oldest dropped first; thread-safe.</summary>
public sealed class BoundedLog<T>(int capacity)
{
    private readonly Queue<T> _items = new();
    private readonly Lock _gate = new();

    public int Capacity { get; } = capacity;

    public void AddRange(IEnumerable<T> items)
    {
        lock (_gate)
        {
            foreach (var item in items)
            {
                if (_items.Count == Capacity)
                {
                    _items.Dequeue();
                }

                _items.Enqueue(item);
            }
        }
    }

    public IReadOnlyList<T> All()
    {
        lock (_gate)
        {
            return _items.ToArray();
        }
    }
}
