namespace DynamoDbStorage.Resilience;

/// <summary>
/// The latencies of the last <paramref name="capacity"/> answered calls, each with when it was answered, and a high
/// percentile of those within a time window. Not thread-safe: its owner locks.
/// </summary>
internal sealed class LatencyWindow(TimeSpan window, int capacity = 512)
{
    private readonly DateTimeOffset[] _answeredAt = new DateTimeOffset[capacity];
    private readonly TimeSpan[] _latency = new TimeSpan[capacity];
    private readonly TimeSpan[] _scratch = new TimeSpan[capacity];
    private int _next;
    private int _count;

    public void Add(DateTimeOffset answeredAt, TimeSpan latency)
    {
        _answeredAt[_next] = answeredAt;
        _latency[_next] = latency;
        _next = (_next + 1) % capacity;
        _count = Math.Min(_count + 1, capacity);
    }

    /// <summary>
    /// The <paramref name="percentile"/> (0–1, nearest rank) of the latencies answered within the window before
    /// <paramref name="now"/>; null when none was.
    /// </summary>
    public TimeSpan? Percentile(double percentile, DateTimeOffset now)
    {
        var since = now - window;
        var n = 0;
        for (var i = 0; i < _count; i++)
        {
            if (_answeredAt[i] > since)
            {
                _scratch[n++] = _latency[i];
            }
        }

        if (n == 0)
        {
            return null;
        }

        var recent = _scratch.AsSpan(0, n);
        recent.Sort();
        return recent[Math.Clamp((int)Math.Ceiling(percentile * n) - 1, 0, n - 1)];
    }
}
