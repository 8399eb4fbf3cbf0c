namespace Orchestration.Lifecycle;

/// <summary>The last lines a replica printed, bounded so a chatty service cannot grow the AppHost.</summary>
public sealed class ConsoleLogBuffer(int capacity = 2000)
{
    private readonly Queue<string> _lines = new(capacity);
    private readonly Lock _gate = new();

    public void Add(string line)
    {
        lock (_gate)
        {
            if (_lines.Count == capacity)
            {
                _lines.Dequeue();
            }

            _lines.Enqueue(line);
        }
    }

    public IReadOnlyList<string> Tail(int count)
    {
        lock (_gate)
        {
            return _lines.Skip(Math.Max(0, _lines.Count - count)).ToArray();
        }
    }

    public IReadOnlyList<string> All()
    {
        lock (_gate)
        {
            return _lines.ToArray();
        }
    }
}
