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
    /// <paramref name="now"/>, when it is above <paramref name="threshold"/>; null when it is not, or when none was
    /// answered. Only the latencies above the threshold are sorted: while DynamoDB answers well within it (every call,
    /// usually), nothing is. Sorting the whole window on every call was 0.4 % of Cart.Api's CPU on a write.
    /// </summary>
    public TimeSpan? PercentileAbove(double percentile, TimeSpan threshold, DateTimeOffset now)
    {
        var since = now - window;
        var answered = 0;
        var above = 0;
        for (var i = 0; i < _count; i++)
        {
            if (_answeredAt[i] > since)
            {
                answered++;
                if (_latency[i] > threshold)
                {
                    _scratch[above++] = _latency[i];
                }
            }
        }

        if (answered == 0)
        {
            return null;
        }

        var rank = Math.Clamp((int)Math.Ceiling(percentile * answered), 1, answered);
        var atOrBelow = answered - above;
        if (rank <= atOrBelow)
        {
            return null;
        }

        var slow = _scratch.AsSpan(0, above);
        slow.Sort();
        return slow[rank - atOrBelow - 1];
    }
}
