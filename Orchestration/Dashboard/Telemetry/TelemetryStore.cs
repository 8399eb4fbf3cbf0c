namespace Orchestration.Dashboard.Telemetry;

/// <summary>
/// What the services sent over OTLP, kept in memory and bounded: the last spans, log records and histogram deltas.
/// Tests read it through <c>DistributedApplication.Telemetry</c>; the dashboard through its JSON API.
/// </summary>
public sealed class TelemetryStore(int spanCapacity = 10_000, int logCapacity = 10_000, int metricCapacity = 20_000)
{
    private readonly BoundedLog<SpanRecord> _spans = new(spanCapacity);
    private readonly BoundedLog<LogEntry> _logs = new(logCapacity);
    private readonly BoundedLog<HistogramDelta> _histograms = new(metricCapacity);
    private readonly Dictionary<string, HistogramPoint> _lastCumulative = [];
    private readonly Dictionary<string, NumberPoint> _lastNumbers = [];
    private readonly Lock _gate = new();
    private long _logSequence;

    public IReadOnlyList<SpanRecord> Spans => _spans.All();

    public IReadOnlyList<LogEntry> Logs => _logs.All();

    /// <summary>Per-interval histogram increments (cumulative points are turned into differences on arrival).</summary>
    public IReadOnlyList<HistogramDelta> HistogramDeltas => _histograms.All();

    /// <summary>The latest value of every gauge and sum series.</summary>
    public IReadOnlyList<NumberPoint> LatestNumbers
    {
        get
        {
            lock (_gate)
            {
                return _lastNumbers.Values.ToArray();
            }
        }
    }

    public IReadOnlyList<SpanRecord> GetTrace(string traceId) =>
        Spans.Where(s => s.TraceId == traceId).OrderBy(s => s.Start).ToArray();

    public void AddSpans(IReadOnlyList<SpanRecord> spans) => _spans.AddRange(spans);

    public void AddLogs(IReadOnlyList<LogEntry> logs)
    {
        lock (_gate)
        {
            _logs.AddRange(logs.Select(l => l with { Sequence = ++_logSequence }));
        }
    }

    public void AddMetrics(IReadOnlyList<HistogramPoint> histograms, IReadOnlyList<NumberPoint> numbers)
    {
        var deltas = new List<HistogramDelta>();
        lock (_gate)
        {
            foreach (var number in numbers)
            {
                _lastNumbers[number.SeriesKey] = number;
            }

            foreach (var point in histograms)
            {
                if (point.IsDelta)
                {
                    deltas.Add(new HistogramDelta(point.Source, point.Name, point.Time, point.Count, point.Sum, point.Bounds, point.BucketCounts));
                    continue;
                }

                _lastCumulative.TryGetValue(point.SeriesKey, out var previous);
                _lastCumulative[point.SeriesKey] = point;
                deltas.Add(HistogramDelta.Between(previous, point));
            }
        }

        _histograms.AddRange(deltas.Where(d => d.Count > 0));
    }
}

/// <summary>What a histogram series recorded during one export interval.</summary>
public sealed record HistogramDelta(
    TelemetrySource Source, string Name, DateTimeOffset Time, ulong Count, double Sum, IReadOnlyList<double> Bounds, IReadOnlyList<ulong> BucketCounts)
{
    /// <summary>The increment from <paramref name="previous"/> to <paramref name="current"/>; all of it after a restart.</summary>
    public static HistogramDelta Between(HistogramPoint? previous, HistogramPoint current)
    {
        var comparable = previous is not null && previous.Start == current.Start && previous.Count <= current.Count
            && previous.BucketCounts.Count == current.BucketCounts.Count;
        if (!comparable)
        {
            return new(current.Source, current.Name, current.Time, current.Count, current.Sum, current.Bounds, current.BucketCounts);
        }

        var buckets = current.BucketCounts.Select((c, i) => c - Math.Min(c, previous!.BucketCounts[i])).ToArray();
        return new(current.Source, current.Name, current.Time, current.Count - previous!.Count, current.Sum - previous.Sum, current.Bounds, buckets);
    }
}
