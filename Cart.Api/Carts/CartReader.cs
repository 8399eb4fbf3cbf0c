using Cart.Api.Caching;

namespace Cart.Api.Carts;

/// <summary>
/// Reads a cart for a caller: the Redis document first; on a miss one consistent DynamoDB read per cart at a time on
/// this instance (<see cref="ReadCoalescer{T}"/>), written back to the cache. Absent, expired and someone else's carts
/// all read as null, so a 404 is no existence oracle.
/// </summary>
internal sealed class CartReader(CartStore store, CartCache cache, CartCacheMetrics metrics, TimeProvider time)
{
    private readonly ReadCoalescer<RenderedCart?> _loads = new();

    public async Task<CartView?> ReadAsync(string cartId, CartCaller caller, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        if (await cache.TryGetAsync(cartId) is { } cached)
        {
            return cached.IsVisibleTo(caller, now) ? cached.Cart : null;
        }

        var loaded = await _loads.LoadAsync(cartId, LoadAndCacheAsync, cancellationToken);
        return loaded is not null && loaded.Cart.Header.IsVisibleTo(caller, now) ? loaded.View : null;
    }

    /// <summary>A consistent read of the cart, rendered and written back to the cache (unless absent or expired).</summary>
    private async Task<RenderedCart?> LoadAndCacheAsync(string cartId)
    {
        metrics.Loaded();
        var cart = await store.LoadAsync(cartId, CancellationToken.None); // shared by every waiting reader: none of them may cancel it
        if (cart is null || cart.Header.IsExpiredAt(time.GetUtcNow()))
        {
            return null;
        }

        var view = CartView.Of(CartRenderer.Render(cart));
        await cache.StoreAsync(cart, view);
        return new RenderedCart(cart, view);
    }
}
