using Cart.Api.Model;

using static DynamoDbStorage.AttributeValues;

namespace Cart.Api.Storage;

/// <summary>Maps delivery slots and bookings to and from <c>carts</c> table items.</summary>
internal static class SlotItemMapper
{
    public static Dictionary<string, AttributeValue> ToItem(SlotBooking booking, string now) => new()
    {
        [CartAttributes.PartitionKey] = S(SlotKeys.DayPk(booking.Slot.Date)),
        [CartAttributes.SortKey] = S(SlotKeys.BookingSk(booking.Slot, booking.CartId)),
        [CartAttributes.SlotId] = S(booking.Slot.ToString()),
        [CartAttributes.CartId] = S(booking.CartId),
        [CartAttributes.Status] = S(booking.Status),
        [CartAttributes.ExpiresAt] = N(booking.ExpiresAt),
        [CartAttributes.CreatedAt] = S(now),
        [CartAttributes.UpdatedAt] = S(now),
    };

    public static Dictionary<string, AttributeValue> ToItem(DeliverySlot slot, string now) => new()
    {
        [CartAttributes.PartitionKey] = S(SlotKeys.DayPk(slot.Id.Date)),
        [CartAttributes.SortKey] = S(SlotKeys.SlotSk(slot.Id)),
        [CartAttributes.SlotId] = S(slot.Id.ToString()),
        [CartAttributes.StartsAt] = S(slot.StartsAt),
        [CartAttributes.EndsAt] = S(slot.EndsAt),
        [CartAttributes.Capacity] = N(slot.Capacity),
        [CartAttributes.Booked] = N(slot.Booked),
        [CartAttributes.UpdatedAt] = S(now),
    };

    public static DeliverySlot ToSlot(IReadOnlyDictionary<string, AttributeValue> item) => new(
        Parse(item.GetString(CartAttributes.SlotId)),
        item.GetString(CartAttributes.StartsAt),
        item.GetString(CartAttributes.EndsAt),
        (int)item.GetLong(CartAttributes.Capacity),
        (int)(item.GetLongOrNull(CartAttributes.Booked) ?? 0));

    public static SlotBooking ToBooking(IReadOnlyDictionary<string, AttributeValue> item) => new(
        Parse(item.GetString(CartAttributes.SlotId)),
        item.GetString(CartAttributes.CartId),
        item.GetString(CartAttributes.Status),
        item.GetLong(CartAttributes.ExpiresAt));

    public static Dictionary<string, AttributeValue> SlotKey(SlotId slot) => CartWrites.Key(SlotKeys.DayPk(slot.Date), SlotKeys.SlotSk(slot));

    public static Dictionary<string, AttributeValue> BookingKey(SlotId slot, string cartId) => CartWrites.Key(SlotKeys.DayPk(slot.Date), SlotKeys.BookingSk(slot, cartId));

    private static SlotId Parse(string text) =>
        SlotId.TryParse(text, out var slot) ? slot : throw new InvalidDataException($"A stored slot id '{text}' is malformed.");
}
