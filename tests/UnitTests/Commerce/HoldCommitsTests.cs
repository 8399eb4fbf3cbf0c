using Cart.Api.Checkout;

namespace UnitTests.Commerce;

public sealed class HoldCommitsTests
{
    [Fact]
    public void The_pause_after_each_conflict_in_a_row_doubles_from_ten_milliseconds_to_half_a_second_within_four_seconds()
    {
        Assert.Equal([10, 20, 40, 80, 160, 320, 500, 500], Enumerable.Range(1, 8).Select(conflict => HoldCommits.Resending.Ceiling(conflict, throttled: false).TotalMilliseconds));
        Assert.Equal(500, HoldCommits.Resending.Ceiling(int.MaxValue, throttled: false).TotalMilliseconds);
        Assert.Equal(TimeSpan.FromSeconds(4), HoldCommits.Resending.Budget);
        Assert.Null(HoldCommits.Resending.MaxAttempts);
    }
}
