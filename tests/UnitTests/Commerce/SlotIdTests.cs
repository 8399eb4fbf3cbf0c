using Cart.Api.Model;

namespace UnitTests.Commerce;

public sealed class SlotIdTests
{
    [Fact]
    public void A_slot_id_names_its_day_and_start_and_round_trips()
    {
        Assert.True(SlotId.TryParse("2031-05-17-0830", out var slot));

        Assert.Equal(new DateOnly(2031, 5, 17), slot.Date);
        Assert.Equal(new TimeOnly(8, 30), slot.Start);
        Assert.Equal(new DateTimeOffset(2031, 5, 17, 8, 30, 0, TimeSpan.Zero), slot.StartsAt);
        Assert.Equal("2031-05-17-0830", slot.ToString());
    }

    [Theory]
    [InlineData("2031-02-30-0800")]
    [InlineData("2031-05-17-2400")]
    [InlineData("2031-05-17-0860")]
    [InlineData("2031-05-17-0800\n")]
    [InlineData("2031-05-17T08:00")]
    [InlineData("")]
    [InlineData(null)]
    public void Anything_but_a_real_day_and_time_is_refused(string? text) => Assert.False(SlotId.TryParse(text, out _));

    [Fact]
    public void An_unpaid_hold_expires_at_its_time_and_a_confirmed_one_never()
    {
        var now = new DateTimeOffset(2031, 5, 17, 8, 0, 0, TimeSpan.Zero);
        SlotId.TryParse("2031-05-17-1000", out var slot);

        Assert.True(new SlotBooking(slot!, "c1", SlotBooking.Held, now.ToUnixTimeSeconds()).IsExpiredAt(now));
        Assert.False(new SlotBooking(slot!, "c1", SlotBooking.Held, now.ToUnixTimeSeconds() + 1).IsExpiredAt(now));
        Assert.False(new SlotBooking(slot!, "c1", SlotBooking.Confirmed, 0).IsExpiredAt(now));
    }

    [Fact]
    public void The_seed_offers_six_two_hour_windows_a_day_for_two_weeks()
    {
        var slots = SlotSeed.Slots(new DateOnly(2031, 5, 17), TimeSpan.FromHours(2), "2031-05-17T00:00:00.000Z").ToList();

        Assert.Equal(14 * 6, slots.Count);
        Assert.Equal("2031-05-17-0800", slots[0].Id.ToString());
        Assert.Equal("2031-05-17T20:00:00.000Z", slots[5].EndsAt);
    }
}
