namespace Cart.Api.Model;

/// <summary>
/// What a checkout holds while it is paid for, recorded on the cart's header in the transaction that takes it: the
/// delivery slot booked (if any) and the stock taken from each shard. It is returned in one transaction when the
/// payment is declined or the hold expires before payment starts; on a paid cart it is the record of what was sold.
/// </summary>
internal sealed record CheckoutHold(SlotId? Slot, long ExpiresAt, IReadOnlyList<StockTake> Reservations)
{
    /// <summary>Unpaid past its time: only while payment has not started may the hold be returned for it.</summary>
    public bool IsExpiredAt(DateTimeOffset now) => ExpiresAt <= now.ToUnixTimeSeconds();
}
