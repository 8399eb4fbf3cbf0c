using Cart.Api.Carts;
using Cart.Api.Contracts;
using Cart.Api.Model;
using Cart.Api.Storage;

namespace Cart.Api.Checkout;

/// <summary>
/// Undoes a checkout that took nothing from the shopper — declined, or expired before payment started: the cart opens
/// again and its hold (slot place, stock) goes back, in one transaction guarded by the cart's version. Returning a hold
/// ends work, so load shedding never refuses these calls (<see cref="DynamoDbAdmission.FinishingWork"/>).
/// </summary>
internal sealed class CheckoutReleases(
    CartStore store, CartMutations mutations, IAmazonDynamoDB dynamoDb, DynamoDbAdmission admission, IOptions<CartOptions> options, TimeProvider time)
{
    private const int Attempts = 3;

    /// <param name="expiredBy">Set when the hold is reclaimed for expiry: its booking must still be an unpaid hold expired by then.</param>
    /// <returns>True when this call reopened the cart; false when it moved first (a concurrent resume, or another release).</returns>
    public async Task<bool> ReopenAsync(CartSnapshot cart, long? expiredBy, CancellationToken cancellationToken)
    {
        using var finishing = admission.FinishingWork();
        for (var attempt = 1; attempt <= Attempts; attempt++)
        {
            var now = time.GetUtcNow();
            var reopened = cart with
            {
                Header = CartRules.Touch(cart.Header, now, options.Value.GuestCartLifetime) with { Status = CartStatus.Open, Payment = null, Hold = null },
            };
            var items = CartWrites.Changes(store.TableName, cart, reopened);
            if (cart.Header.Hold is { } hold)
            {
                items.AddRange(HoldWrites.Return(store.TableName, cart.Header.CartId, hold, now.ToUtcTimestamp(), expiredBy));
            }

            if ((await store.CommitAsync(items, idempotency: null, completion: null, attempt, cancellationToken)).Result == CommitResult.Committed)
            {
                await mutations.PublishAsync(reopened, CartRenderer.Render(reopened));
                return true;
            }

            if ((await store.LoadAsync(cart.Header.CartId, cancellationToken))?.Header.Version != cart.Header.Version)
            {
                return false; // the cart moved: whoever moved it owns the hold now
            }

            // A transaction conflict or throttling with the cart unchanged: try again.
        }

        return false;
    }

    /// <summary>Frees an expired hold's place when its cart no longer holds it (gone, or already moved on).</summary>
    public async Task ReleaseOrphanAsync(SlotBooking booking, long expiredBy, CancellationToken cancellationToken)
    {
        using var finishing = admission.FinishingWork();
        try
        {
            await dynamoDb.TransactWriteItemsAsync(new TransactWriteItemsRequest
            {
                TransactItems = [.. SlotWrites.Release(store.TableName, booking.Slot, booking.CartId, time.GetUtcTimestamp(), expiredBy)],
            }, cancellationToken);
        }
        catch (TransactionCanceledException)
        {
            // Someone else released it, or payment started after all.
        }
    }
}
