using System.Collections.Concurrent;

namespace Bench.Resilience;

/// <summary>What the load saw in one stretch of time: before, during or after a fault. Safe to record into from many requests at once.</summary>
internal sealed class WindowStats(string fault, string phase)
{
    /// <summary>Status 0 stands for a request that got no answer (timeout, refused connection).</summary>
    public const int NoAnswer = 0;

    /// <summary>The phase of the windows before the first fault's baseline, while the platform warms up.</summary>
    public const string WarmUp = "warm-up";

    private readonly ConcurrentDictionary<int, long> _statuses = new();
    private long _operations;
    private long _requests;
    private long _gaveUp;
    private long _badInput5xx;

    public string Fault { get; } = fault;

    public string Phase { get; } = phase;

    public TimeSpan Length { get; set; }

    /// <summary>Latency of each HTTP request.</summary>
    public LatencyHistogram RequestLatency { get; } = new();

    /// <summary>Latency of each operation as its client sees it: from when it was due to its final answer, retries included.</summary>
    public LatencyHistogram OperationLatency { get; } = new();

    public long Operations => Interlocked.Read(ref _operations);

    public long Requests => Interlocked.Read(ref _requests);

    /// <summary>Operations whose client stopped retrying without a definite answer.</summary>
    public long GaveUp => Interlocked.Read(ref _gaveUp);

    /// <summary>Deliberately bad requests answered with a 5xx instead of a 4xx.</summary>
    public long BadInput5xx => Interlocked.Read(ref _badInput5xx);

    public IReadOnlyDictionary<int, long> Statuses => _statuses;

    public long Count(Func<int, bool> status) => _statuses.Where(s => status(s.Key)).Sum(s => s.Value);

    public void Request(int status, TimeSpan latency)
    {
        Interlocked.Increment(ref _requests);
        _statuses.AddOrUpdate(status, 1, (_, n) => n + 1);
        RequestLatency.Record(latency);
    }

    public void Operation(TimeSpan latency, bool gaveUp)
    {
        Interlocked.Increment(ref _operations);
        OperationLatency.Record(latency);
        if (gaveUp)
        {
            Interlocked.Increment(ref _gaveUp);
        }
    }

    public void BadInputAnswered5xx() => Interlocked.Increment(ref _badInput5xx);
}
