using Cart.Api.Model;

namespace Cart.Api.Storage;

/// <summary>
/// The transaction items that take and return a <see cref="CheckoutHold"/>, without I/O, beside the cart's own
/// changes in the same <c>TransactWriteItems</c>: the slot's counter and booking first, then one item per stock take,
/// then the marker the hold sweeper finds it by.
/// </summary>
internal static class HoldWrites
{
    /// <summary>
    /// DynamoDB's limit on items in one transaction. A checkout's transaction holds the cart's header and changed lines,
    /// two items for the slot, one per shard it takes stock from and the hold's marker (<see cref="HoldMarkers"/>); one
    /// that would exceed it is refused (DESIGN §11).
    /// </summary>
    public const int TransactionItemLimit = 100;

    public static List<TransactWriteItem> Take(string tableName, string cartId, CheckoutHold hold, string now)
    {
        var items = new List<TransactWriteItem>();
        if (hold.Slot is { } slot)
        {
            items.AddRange(SlotWrites.Book(tableName, new SlotBooking(slot, cartId, SlotBooking.Held, hold.ExpiresAt), now));
        }

        items.AddRange(hold.Reservations.Select(take => StockWrites.Reserve(tableName, take, cartId, now)));
        items.Add(HoldMarkers.Put(tableName, cartId, hold.ExpiresAt));
        return items;
    }

    /// <param name="expiredBy">Set when an expired hold is reclaimed: the booking must still be an unpaid hold expired by then.</param>
    public static List<TransactWriteItem> Return(string tableName, string cartId, CheckoutHold hold, string now, long? expiredBy = null)
    {
        var items = new List<TransactWriteItem>();
        if (hold.Slot is { } slot)
        {
            items.AddRange(SlotWrites.Release(tableName, slot, cartId, now, expiredBy));
        }

        items.AddRange(hold.Reservations.Select(take => StockWrites.Release(tableName, take, cartId, now)));
        items.Add(HoldMarkers.Delete(tableName, cartId, hold.ExpiresAt));
        return items;
    }
}
