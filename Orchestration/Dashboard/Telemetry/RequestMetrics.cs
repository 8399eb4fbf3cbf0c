namespace Orchestration.Dashboard.Telemetry;

/// <summary>Request rate and latency percentiles of one service over time, from ASP.NET Core's <c>http.server.request.duration</c>.</summary>
public sealed record RequestMetrics(string Service, IReadOnlyList<RequestMetricsPoint> Points)
{
    public const string InstrumentName = "http.server.request.duration";

    /// <summary>Bins the deltas of the last <paramref name="window"/> into <paramref name="bin"/>-wide points, per service.</summary>
    public static IReadOnlyList<RequestMetrics> From(IEnumerable<HistogramDelta> deltas, DateTimeOffset now, TimeSpan window, TimeSpan bin)
    {
        var from = now - window;
        var binCount = (int)Math.Ceiling(window / bin);
        return deltas
            .Where(d => d.Name == InstrumentName && d.Time > from && d.Time <= now)
            .GroupBy(d => d.Source.Service)
            .OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(service =>
            {
                var byBin = service.GroupBy(d => Math.Min(binCount - 1, (int)((d.Time - from) / bin))).ToDictionary(g => g.Key, g => g.ToArray());
                var points = Enumerable.Range(0, binCount).Select(i =>
                {
                    var time = from + (bin * (i + 1));
                    if (!byBin.TryGetValue(i, out var inBin))
                    {
                        return new RequestMetricsPoint(time, 0, null, null);
                    }

                    var merged = Merge(inBin);
                    var unitToMs = inBin[0].Bounds.Count > 0 && inBin[0].Bounds[^1] > 100 ? 1.0 : 1000.0; // seconds per the semantic conventions
                    return new RequestMetricsPoint(
                        time,
                        merged.Count / bin.TotalSeconds,
                        Percentile(merged.Bounds, merged.Buckets, 0.50) * unitToMs,
                        Percentile(merged.Bounds, merged.Buckets, 0.95) * unitToMs);
                }).ToArray();
                return new RequestMetrics(service.Key, points);
            })
            .ToArray();
    }

    /// <summary>
    /// The q-quantile of an explicit-bucket histogram, interpolated linearly inside its bucket
    /// (as Prometheus' histogram_quantile does). Null for an empty histogram.
    /// </summary>
    public static double? Percentile(IReadOnlyList<double> bounds, IReadOnlyList<ulong> buckets, double q)
    {
        var total = buckets.Aggregate(0UL, (sum, c) => sum + c);
        if (total == 0)
        {
            return null;
        }

        var rank = q * total;
        var cumulative = 0.0;
        for (var i = 0; i < buckets.Count; i++)
        {
            var previous = cumulative;
            cumulative += buckets[i];
            if (cumulative >= rank && buckets[i] > 0)
            {
                var lower = i == 0 ? 0 : bounds[Math.Min(i - 1, bounds.Count - 1)];
                if (i >= bounds.Count)
                {
                    return lower; // the overflow bucket has no upper bound: report its lower one
                }

                return lower + ((bounds[i] - lower) * ((rank - previous) / buckets[i]));
            }
        }

        return bounds.Count > 0 ? bounds[^1] : null;
    }

    private static (ulong Count, IReadOnlyList<double> Bounds, ulong[] Buckets) Merge(HistogramDelta[] deltas)
    {
        var bounds = deltas[0].Bounds;
        var buckets = new ulong[deltas[0].BucketCounts.Count];
        var count = 0UL;
        foreach (var delta in deltas)
        {
            count += delta.Count;
            if (delta.BucketCounts.Count == buckets.Length && delta.Bounds.SequenceEqual(bounds))
            {
                for (var i = 0; i < buckets.Length; i++)
                {
                    buckets[i] += delta.BucketCounts[i];
                }
            }
        }

        return (count, bounds, buckets);
    }
}

/// <summary>Requests per second and latency (milliseconds) during one bin; latencies are null when there were no requests.</summary>
public sealed record RequestMetricsPoint(DateTimeOffset Time, double Rate, double? P50Ms, double? P95Ms);
