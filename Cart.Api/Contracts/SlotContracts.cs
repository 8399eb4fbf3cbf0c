using Cart.Api.Model;

namespace Cart.Api.Contracts;

/// <summary>Response of <c>GET /delivery-slots?date=</c>: the day's slots in time order with the places left.</summary>
internal sealed record SlotList(string Date, IReadOnlyList<SlotDocument> Slots);

internal sealed record SlotDocument(string SlotId, string StartsAt, string EndsAt, int Capacity, int Remaining)
{
    public static SlotDocument From(SlotAvailability availability) => new(
        availability.Slot.Id.ToString(), availability.Slot.StartsAt, availability.Slot.EndsAt, availability.Slot.Capacity, availability.Remaining);
}

/// <summary>Body of the development-only <c>PUT /admin/delivery-slots/{slotId}</c>.</summary>
internal sealed record SlotCapacityRequest(int? Capacity);
