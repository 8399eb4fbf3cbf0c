using CircuitBreaking;
using Xunit;

namespace UnitTests.CircuitBreaking;

public class FailureShareInWindowTests
{
    private static readonly DateTimeOffset Start = new(2026, 11, 29, 10, 0, 0, TimeSpan.Zero);
    private readonly FailureShareInWindow _rule = new(TimeSpan.FromSeconds(10), minimumCalls: 4, share: 0.5);

    [Fact]
    public void Fewer_calls_than_the_minimum_never_trip_it()
    {
        Record(failed: true, 3, Start);

        Assert.False(_rule.Trips(Start));
    }

    [Fact]
    public void It_trips_when_the_share_of_failures_reaches_the_threshold()
    {
        Record(failed: false, 3, Start);
        Record(failed: true, 2, Start);
        Assert.False(_rule.Trips(Start));

        Record(failed: true, 1, Start);

        Assert.True(_rule.Trips(Start));
    }

    [Fact]
    public void Outcomes_older_than_the_window_age_out_a_slice_at_a_time()
    {
        Record(failed: false, 10, Start);
        Record(failed: true, 4, Start.AddSeconds(5));
        Assert.Equal((14, 4), _rule.Counts(Start.AddSeconds(5)));
        Assert.False(_rule.Trips(Start.AddSeconds(9.9)));

        Assert.Equal((4, 4), _rule.Counts(Start.AddSeconds(10)));
        Assert.True(_rule.Trips(Start.AddSeconds(10)));
        Assert.Equal((0, 0), _rule.Counts(Start.AddSeconds(15)));
    }

    [Fact]
    public void A_slice_reused_after_a_lap_starts_from_nothing()
    {
        Record(failed: true, 5, Start);

        Record(failed: false, 1, Start.AddSeconds(10));

        Assert.Equal((1, 0), _rule.Counts(Start.AddSeconds(10)));
    }

    [Fact]
    public void Reset_forgets_every_outcome()
    {
        Record(failed: true, 5, Start);

        _rule.Reset();

        Assert.Equal((0, 0), _rule.Counts(Start));
    }

    private void Record(bool failed, int count, DateTimeOffset at)
    {
        for (var i = 0; i < count; i++)
        {
            _rule.Record(failed, at);
        }
    }
}
