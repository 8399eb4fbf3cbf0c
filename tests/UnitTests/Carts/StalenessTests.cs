using Cart.Api.Carts;

namespace UnitTests.Carts;

public sealed class StalenessTests
{
    private const long CachedAt = 1_000_000;
    private const long ExpiresAt = CachedAt + 20_000;

    [Theory]
    [InlineData(ExpiresAt + 1, 20, -1)]          // just past its lifetime: a stale hit, not ttl=0
    [InlineData(ExpiresAt + 1_000, 21, -1)]
    [InlineData(ExpiresAt + 61_500, 81, -62)]
    [InlineData(ExpiresAt, 20, 0)]
    [InlineData(CachedAt + 3_000, 3, 0)]         // cached before the last Redis outage, young: never a positive ttl
    [InlineData(CachedAt - 50, 0, 0)]            // a clock behind the writer's: no negative age
    public void Reports_age_and_a_ttl_never_above_zero(long now, long age, long ttl) =>
        Assert.Equal(new Staleness(age, ttl), Staleness.Of(CachedAt, ExpiresAt, now));
}
