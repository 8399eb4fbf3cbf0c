namespace Cart.Api.Model;

/// <summary>
/// A delivery window with a capacity. <see cref="Booked"/> is the counter bookings are conditioned on
/// (<c>booked &lt; capacity</c>); it still counts holds that expired until they are reclaimed, which readers discount.
/// </summary>
internal sealed record DeliverySlot(SlotId Id, string StartsAt, string EndsAt, int Capacity, int Booked);

/// <summary>A cart's place in a slot (<c>attribute_not_exists</c> on it: one per cart, so a retried checkout never books twice).</summary>
internal sealed record SlotBooking(SlotId Slot, string CartId, string Status, long ExpiresAt)
{
    /// <summary>Booked at checkout; expires with the checkout's hold unless payment starts first.</summary>
    public const string Held = "HELD";

    /// <summary>Payment has started: the place is the cart's for good (released only if the payment is declined).</summary>
    public const string Confirmed = "CONFIRMED";

    /// <summary>An unpaid hold past its time: its place is free again (DynamoDB Local never deletes by TTL, so readers check).</summary>
    public bool IsExpiredAt(DateTimeOffset now) => Status == Held && ExpiresAt <= now.ToUnixTimeSeconds();
}

/// <summary>A day's slot with what is really left: the capacity less the live bookings.</summary>
internal sealed record SlotAvailability(DeliverySlot Slot, int Remaining);
