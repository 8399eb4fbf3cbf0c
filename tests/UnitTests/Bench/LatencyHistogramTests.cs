using Bench;

namespace UnitTests.Bench;

public class LatencyHistogramTests
{
    [Fact]
    public void Percentiles_are_within_two_percent_of_the_exact_values()
    {
        var histogram = new LatencyHistogram();
        for (var micros = 1; micros <= 100_000; micros++)
        {
            histogram.Record(TimeSpan.FromMicroseconds(micros));
        }

        foreach (var (percentile, exact) in new[] { (50.0, 50_000.0), (95.0, 95_000.0), (99.0, 99_000.0) })
        {
            var measured = histogram.Percentile(percentile).TotalMicroseconds;
            Assert.InRange(measured, exact * 0.98, exact * 1.02);
        }
    }

    [Fact]
    public void The_maximum_is_exact_and_bounds_every_percentile()
    {
        var histogram = new LatencyHistogram();
        histogram.Record(TimeSpan.FromMilliseconds(3));
        histogram.Record(TimeSpan.FromMilliseconds(1234.567));

        Assert.Equal(1234567, histogram.Max.TotalMicroseconds);
        Assert.Equal(histogram.Max, histogram.Percentile(100));
    }

    [Fact]
    public void Bucket_bounds_grow_with_the_value_and_contain_it()
    {
        var previous = -1;
        foreach (var micros in new long[] { 1, 63, 64, 65, 127, 128, 1000, 65_535, 1_000_000, 60_000_000 })
        {
            var index = LatencyHistogram.IndexOf(micros);
            Assert.True(index >= previous);
            Assert.True(LatencyHistogram.UpperBoundOf(index) >= micros);
            previous = index;
        }
    }

    [Fact]
    public void An_empty_histogram_reports_zero() =>
        Assert.Equal(TimeSpan.Zero, new LatencyHistogram().Percentile(99));
}
