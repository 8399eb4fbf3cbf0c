using Cart.Api.Storage;

namespace UnitTests.Commerce;

public sealed class HoldMarkersTests
{
    [Fact]
    public void A_marker_lives_in_the_minute_its_hold_expires_in_sorted_by_its_expiry()
    {
        var expiresAt = new DateTimeOffset(2031, 5, 17, 8, 41, 59, TimeSpan.Zero).ToUnixTimeSeconds();

        var key = HoldMarkers.Key("c1", expiresAt);

        Assert.Equal("HOLDS#2031-05-17T08:41", key["PK"].S);
        Assert.Equal($"HOLD#{expiresAt:D12}#c1", key["SK"].S);
        Assert.Equal(HoldMarkers.MinuteOf(expiresAt - 59), HoldMarkers.MinuteOf(expiresAt));
        Assert.Equal(HoldMarkers.MinuteOf(expiresAt) + 1, HoldMarkers.MinuteOf(expiresAt + 1));
    }

    [Fact]
    public void The_expired_range_of_a_bucket_includes_a_hold_expiring_at_that_second_and_none_after()
    {
        var (lower, upper) = HoldMarkers.ExpiredBy(1_000);

        Assert.True(Within(HoldMarkers.MarkerSk(1_000, "01JZZZZZZZZZZZZZZZZZZZZZZZ"), lower, upper));
        Assert.True(Within(HoldMarkers.MarkerSk(999, "a"), lower, upper));
        Assert.False(Within(HoldMarkers.MarkerSk(1_001, "0"), lower, upper));
    }

    [Fact]
    public void A_marker_is_put_with_its_cart_and_expiry_and_a_ttl_past_it()
    {
        var put = HoldMarkers.Put("carts", "c1", 100).Put;

        Assert.Null(put.ConditionExpression);
        Assert.Equal(new HoldMarker("c1", 100), HoldMarkers.ToMarker(put.Item));
        Assert.Equal((100 + (long)HoldMarkers.Retention.TotalSeconds).ToString(System.Globalization.CultureInfo.InvariantCulture), put.Item["ttl"].N);
    }

    private static bool Within(string sk, string lower, string upper) => string.CompareOrdinal(sk, lower) >= 0 && string.CompareOrdinal(sk, upper) <= 0;
}
