using Cart.Api.Caching;
using Cart.Api.Contracts;
using Cart.Api.Model;
using Cart.Api.Storage;

namespace Cart.Api.Carts;

/// <summary>
/// Reads a cart for a caller, tier by tier: this replica's local copy when <see cref="CartInvalidations"/> proves no
/// change announced before the read is missing from it; else the Redis document; on a miss one consistent DynamoDB
/// read per cart at a time on this instance (<see cref="ReadCoalescer{T}"/>), written back to the cache. What Redis or
/// DynamoDB answered fills the local tier. When DynamoDB cannot answer, the last-known copy Redis still holds is served
/// marked stale (DESIGN §10). Absent, expired and someone else's carts all read as null, so a 404 is no existence oracle.
/// </summary>
internal sealed class CartReader(
    CartStore store,
    CartCache cache,
    LocalCartCache local,
    CartInvalidations invalidations,
    CacheBreaker breaker,
    CartCacheMetrics metrics,
    TimeProvider time,
    ILogger<CartReader> logger)
{
    private readonly ReadCoalescer<RenderedCart?> _loads = new();

    public async Task<ServedCart?> ReadAsync(string cartId, CartCaller caller, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var (current, tier, cached) = await LookUpCachedAsync(cartId, now, cancellationToken);
        if (current is not null)
        {
            return current.IsVisibleTo(caller, now) ? new ServedCart(current.Cart, tier) : null;
        }

        RenderedCart? loaded;
        try
        {
            loaded = await _loads.LoadAsync(cartId, LoadAndCacheAsync, cancellationToken);
        }
        catch (Exception exception) when (cached is not null && DependencyFailures.IsUnavailable(exception))
        {
            return ServeLastKnown(cartId, cached.Entry, caller, exception);
        }

        return loaded is not null && loaded.Cart.Header.IsVisibleTo(caller, now) ? new ServedCart(loaded.View, CacheTier.DynamoDb) : null;
    }

    /// <summary>
    /// The entry this replica's local tier (proven current) or Redis (within its lifetime) holds for the cart, without
    /// asking DynamoDB; null when neither does. What Redis answered fills the local tier, as for a read.
    /// </summary>
    public async Task<CachedCart?> FindCurrentAsync(string cartId, CancellationToken cancellationToken) =>
        (await LookUpCachedAsync(cartId, time.GetUtcNow(), cancellationToken)).Current;

    /// <summary>
    /// The cache tiers, in order: the local entry if proven current, else what Redis answered — <c>Current</c> when it
    /// is within its lifetime (and then held locally too), and in any case as <c>Redis</c>, the last-known copy a read
    /// may serve when DynamoDB cannot answer.
    /// </summary>
    private async Task<(CachedCart? Current, string Tier, CacheRead? Redis)> LookUpCachedAsync(string cartId, DateTimeOffset now, CancellationToken cancellationToken)
    {
        if (await TryLocalAsync(cartId, now, cancellationToken) is { } held)
        {
            return (held, CacheTier.Local, null);
        }

        var ticket = local.Reserve(cartId);
        var cached = await cache.TryGetAsync(cartId);
        if (cached is { IsCurrent: true, Entry: var current })
        {
            local.Fill(ticket, current, cache.ExpiryOf(current.CachedAt));
            return (current, CacheTier.Redis, cached);
        }

        return (null, CacheTier.DynamoDb, cached);
    }

    /// <summary>
    /// The last-known copy, for a read DynamoDB could not answer: stale (past its lifetime, or cached before the last
    /// Redis outage), so it goes out marked with its age and never fills the local tier.
    /// </summary>
    private ServedCart? ServeLastKnown(string cartId, CachedCart lastKnown, CartCaller caller, Exception failure)
    {
        var now = time.GetUtcNow();
        var staleness = Staleness.Of(lastKnown.CachedAt, cache.ExpiryOf(lastKnown.CachedAt), now.ToUnixTimeMilliseconds());
        metrics.StaleServed();
        CartLog.ServedLastKnown(logger, cartId, failure.GetType().Name, staleness.AgeSeconds);
        return lastKnown.IsVisibleTo(caller, now) ? new ServedCart(lastKnown.Cart, CacheTier.Redis, staleness) : null;
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

    /// <summary>
    /// A consistent read of the cart, rendered and written back to the cache (unless absent or expired) under the fill
    /// lease taken before the read: a commit in between revokes it, so what the read found never replaces a newer
    /// version in Redis, even one evicted meanwhile.
    /// </summary>
    private async Task<RenderedCart?> LoadAndCacheAsync(string cartId)
    {
        var ticket = local.Reserve(cartId);
        var lease = await cache.TryLeaseFillAsync(cartId);
        var cart = await store.LoadAsync(cartId, CancellationToken.None); // shared by every waiting reader: none of them may cancel it
        if (cart is null || cart.Header.IsExpiredAt(time.GetUtcNow()))
        {
            metrics.Lookup(CacheTier.DynamoDb, CacheLookup.Miss);
            return null;
        }

        metrics.Lookup(CacheTier.DynamoDb, CacheLookup.Hit);
        var view = CartView.Of(CartRenderer.Render(cart));
        if (lease is not null && await cache.FillAsync(cart, view, lease) is { } entry)
        {
            local.Fill(ticket, entry, cache.ExpiryOf(entry.CachedAt));
        }

        return new RenderedCart(cart, view);
    }
}

/// <summary>A cart as a read served it, the tier that served it (<c>Cache-Status</c>) and, for a last-known copy, how stale it is.</summary>
internal sealed record ServedCart(CartView View, string Tier, Staleness? Stale = null);

/// <summary>
/// How stale a last-known copy is, in whole seconds: <see cref="AgeSeconds"/> since it was cached (HTTP <c>Age</c>) and
/// <see cref="TtlSeconds"/>, its remaining lifetime as RFC 9211 <c>Cache-Status</c> reports it: never above zero (a copy
/// served stale is not fresh), below zero by how long it has been past its lifetime.
/// </summary>
internal readonly record struct Staleness(long AgeSeconds, long TtlSeconds)
{
    public static Staleness Of(long cachedAtMs, long expiresAtMs, long nowMs) =>
        new(Math.Max(0, (nowMs - cachedAtMs) / 1000), -(long)Math.Ceiling(Math.Max(0, nowMs - expiresAtMs) / 1000.0));
}
