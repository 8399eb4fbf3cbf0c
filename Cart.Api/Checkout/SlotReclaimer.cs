using Cart.Api.Model;
using Cart.Api.Storage;

namespace Cart.Api.Checkout;

/// <summary>
/// When a checkout finds its slot full by the counter: expired unpaid holds still count there (nothing deletes them),
/// so their places are reclaimed — the holding cart reopened with its stock returned — and the booking is retried.
/// </summary>
internal sealed class SlotReclaimer(SlotStore slots, CartStore carts, CheckoutReleases releases)
{
    /// <returns>The problem to answer, or null when a retry may now book (places were freed, or the counter moved).</returns>
    public async Task<ApiError?> ReclaimOrRefuseAsync(SlotId slot, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var found = await slots.FindAsync(slot, cancellationToken);
        if (found is null)
        {
            return CheckoutErrors.NoSuchSlot();
        }

        var expired = await slots.ExpiredHoldsAsync(slot, now, cancellationToken);
        if (expired.Count == 0)
        {
            return found.Booked < found.Capacity ? null : CheckoutErrors.Full();
        }

        var expiredBy = now.ToUnixTimeSeconds();
        foreach (var booking in expired)
        {
            var cart = await carts.LoadAsync(booking.CartId, cancellationToken);
            if (cart?.Header is { Status: CartStatus.CheckingOut, Payment.Status: PaymentStatus.Pending, Hold: { } hold } && hold.Slot == slot)
            {
                await releases.ReopenAsync(cart, expiredBy, cancellationToken);
            }
            else
            {
                await releases.ReleaseOrphanAsync(booking, expiredBy, cancellationToken);
            }
        }

        return null;
    }
}
