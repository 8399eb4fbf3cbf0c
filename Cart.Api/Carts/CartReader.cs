using Cart.Api.Caching;
using Cart.Api.Contracts;
using Cart.Api.Model;
using Cart.Api.Storage;

namespace Cart.Api.Carts;

/// <summary>
/// Reads a cart for a caller, tier by tier: this replica's local copy when <see cref="CartInvalidations"/> proves no
/// change announced before the read is missing from it; else the Redis document; on a miss one consistent DynamoDB
/// read per cart at a time on this instance (<see cref="ReadCoalescer{T}"/>), written back to the cache. What Redis or
/// DynamoDB answered fills the local tier. Absent, expired and someone else's carts all read as null, so a 404 is no
/// existence oracle.
/// </summary>
internal sealed class CartReader(
    CartStore store, CartCache cache, LocalCartCache local, CartInvalidations invalidations, CacheBreaker breaker, CartCacheMetrics metrics, TimeProvider time)
{
    private readonly ReadCoalescer<RenderedCart?> _loads = new();

    public async Task<ServedCart?> ReadAsync(string cartId, CartCaller caller, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        if (await TryLocalAsync(cartId, now, cancellationToken) is { } held)
        {
            return held.IsVisibleTo(caller, now) ? new ServedCart(held.Cart, CacheTier.Local) : null;
        }

        var ticket = local.Reserve(cartId);
        if (await cache.TryGetAsync(cartId) is { } cached)
        {
            local.Fill(ticket, cached, cache.ExpiryOf(cached.CachedAt));
            return cached.IsVisibleTo(caller, now) ? new ServedCart(cached.Cart, CacheTier.Redis) : null;
        }

        var loaded = await _loads.LoadAsync(cartId, LoadAndCacheAsync, cancellationToken);
        return loaded is not null && loaded.Cart.Header.IsVisibleTo(caller, now) ? new ServedCart(loaded.View, CacheTier.DynamoDb) : null;
    }

    /// <summary>The local entry, if one is held and proven current; lookups of carts the tier does not hold cost nothing but the lookup.</summary>
    private async Task<CachedCart?> TryLocalAsync(string cartId, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var nowMs = now.ToUnixTimeMilliseconds();
        if (local.TryGet(cartId, nowMs) is null)
        {
            metrics.Lookup(CacheTier.Local, CacheLookup.Miss);
            return null;
        }

        if (!await invalidations.CatchUpAsync(cancellationToken))
        {
            metrics.Lookup(CacheTier.Local, CacheLookup.Skipped);
            return null;
        }

        // Looked up again: catching up may have dropped it. An entry from before the last Redis outage is not trusted.
        var held = local.TryGet(cartId, nowMs);
        var result = held is null ? CacheLookup.Miss : held.CachedAt >= breaker.TrustCachedAfter ? CacheLookup.Hit : CacheLookup.Untrusted;
        metrics.Lookup(CacheTier.Local, result);
        return result == CacheLookup.Hit ? held : null;
    }

    /// <summary>A consistent read of the cart, rendered and written back to the cache (unless absent or expired).</summary>
    private async Task<RenderedCart?> LoadAndCacheAsync(string cartId)
    {
        var ticket = local.Reserve(cartId);
        var cart = await store.LoadAsync(cartId, CancellationToken.None); // shared by every waiting reader: none of them may cancel it
        if (cart is null || cart.Header.IsExpiredAt(time.GetUtcNow()))
        {
            metrics.Lookup(CacheTier.DynamoDb, CacheLookup.Miss);
            return null;
        }

        metrics.Lookup(CacheTier.DynamoDb, CacheLookup.Hit);
        var view = CartView.Of(CartRenderer.Render(cart));
        if (await cache.StoreAsync(cart, view) is { } entry)
        {
            local.Fill(ticket, entry, cache.ExpiryOf(entry.CachedAt));
        }

        return new RenderedCart(cart, view);
    }
}

/// <summary>A cart as a read served it, and the tier that served it (<c>Cache-Status</c>).</summary>
internal sealed record ServedCart(CartView View, string Tier);
