using Cart.Api.Checkout;

namespace UnitTests.Commerce;

public sealed class HoldCommitsTests
{
    [Fact]
    public void The_pause_after_each_conflict_in_a_row_doubles_from_ten_milliseconds_to_half_a_second()
    {
        Assert.Equal([10, 20, 40, 80, 160, 320, 500, 500], Enumerable.Range(0, 8).Select(HoldCommits.Ceiling));
        Assert.Equal(500, HoldCommits.Ceiling(int.MaxValue));
    }
}
