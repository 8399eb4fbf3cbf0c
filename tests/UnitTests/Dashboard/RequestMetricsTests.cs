using Orchestration.Dashboard.Telemetry;

namespace UnitTests.Dashboard;

public sealed class RequestMetricsTests
{
    private static readonly double[] Bounds = [0.01, 0.1, 1];
    private static readonly TelemetrySource Gateway = new("gateway", "gateway");
    private static readonly DateTimeOffset Now = new(2026, 11, 24, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public void The_percentile_interpolates_inside_the_bucket_that_holds_the_rank()
    {
        // 10 requests under 10 ms, 10 between 10 and 100 ms.
        Assert.Equal(0.01, RequestMetrics.Percentile(Bounds, [10, 10, 0, 0], 0.5)!.Value, 6);
        Assert.Equal(0.01 + (0.09 * 0.9), RequestMetrics.Percentile(Bounds, [10, 10, 0, 0], 0.95)!.Value, 6);
        Assert.Equal(1, RequestMetrics.Percentile(Bounds, [0, 0, 0, 4], 0.5)); // the overflow bucket reports its lower bound
        Assert.Null(RequestMetrics.Percentile(Bounds, [0, 0, 0, 0], 0.5));
    }

    [Fact]
    public void Cumulative_points_become_the_increment_since_the_previous_point_and_restart_after_a_reset()
    {
        var first = Point(Now.AddSeconds(-2), count: 3, [3, 0, 0, 0]);
        var second = Point(Now.AddSeconds(-1), count: 5, [3, 2, 0, 0]);
        var afterRestart = Point(Now, count: 1, [1, 0, 0, 0], start: Now.AddSeconds(-1));

        var delta = HistogramDelta.Between(first, second);
        var reset = HistogramDelta.Between(second, afterRestart);

        Assert.Equal(2UL, delta.Count);
        Assert.Equal([0UL, 2UL, 0UL, 0UL], delta.BucketCounts);
        Assert.Equal(1UL, reset.Count);
    }

    [Fact]
    public void Request_rate_and_latency_are_binned_per_service()
    {
        var store = new TelemetryStore();
        store.AddMetrics([Point(Now.AddSeconds(-12), 0, [0, 0, 0, 0]), Point(Now.AddSeconds(-7), 10, [5, 5, 0, 0])], []);

        var metrics = Assert.Single(RequestMetrics.From(store.HistogramDeltas, Now, TimeSpan.FromSeconds(15), TimeSpan.FromSeconds(5)));

        Assert.Equal("gateway", metrics.Service);
        Assert.Equal(3, metrics.Points.Count);
        var busy = metrics.Points[1];
        Assert.Equal(2.0, busy.Rate); // 10 requests in a 5 s bin
        Assert.Equal(10.0, busy.P50Ms!.Value, 6);
        Assert.Equal(0, metrics.Points[2].Rate);
        Assert.Null(metrics.Points[2].P95Ms);
    }

    private static HistogramPoint Point(DateTimeOffset time, ulong count, ulong[] buckets, DateTimeOffset? start = null) =>
        new(Gateway, RequestMetrics.InstrumentName, "s", "gateway|GET /carts", false, start ?? Now.AddMinutes(-1), time, count, count * 0.01, Bounds, buckets);
}
