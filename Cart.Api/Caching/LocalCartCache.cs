using Microsoft.Extensions.Caching.Memory;

namespace Cart.Api.Caching;

/// <summary>
/// The in-process tier in front of Redis: cache entries by cart id, bounded by <see cref="CartOptions.LocalCacheMaxBytes"/>
/// (the rendered bytes an entry holds) and never kept past the Redis entry's own lifetime. It only remembers; whether
/// an entry may be served is <see cref="CartInvalidations.CatchUpAsync"/>'s call. A fill is refused when an
/// invalidation of the same cart (or a <see cref="Clear"/>) happened since its <see cref="FillTicket"/> was taken, so
/// a slow read can never put back a version an announcement has already replaced.
/// </summary>
internal sealed class LocalCartCache : IDisposable
{
    private const int Stripes = 64;

    private readonly MemoryCache _entries;
    private readonly Lock[] _locks = Enumerable.Range(0, Stripes).Select(_ => new Lock()).ToArray();
    private readonly long[] _stamps = new long[Stripes];
    private long _generation;

    public LocalCartCache(IOptions<CartOptions> options) =>
        _entries = new MemoryCache(Options.Create(new MemoryCacheOptions { SizeLimit = options.Value.LocalCacheMaxBytes }));

    /// <summary>The entry for <paramref name="cartId"/> if one is held and the Redis entry it copies would still live at <paramref name="nowMs"/>.</summary>
    public CachedCart? TryGet(string cartId, long nowMs) =>
        _entries.TryGetValue(cartId, out LocalEntry? held) && held!.ExpiresAt > nowMs ? held.Entry : null;

    /// <summary>Taken before reading what will fill the tier (from Redis or DynamoDB).</summary>
    public FillTicket Reserve(string cartId)
    {
        var stripe = StripeOf(cartId);
        lock (_locks[stripe])
        {
            return new FillTicket(cartId, stripe, _stamps[stripe], Volatile.Read(ref _generation));
        }
    }

    /// <summary>Holds <paramref name="entry"/> until <paramref name="expiresAtMs"/>, unless the cart was invalidated (or the tier cleared) since <paramref name="ticket"/>.</summary>
    public bool Fill(FillTicket ticket, CachedCart entry, long expiresAtMs)
    {
        lock (_locks[ticket.Stripe])
        {
            if (_stamps[ticket.Stripe] != ticket.Stamp || Volatile.Read(ref _generation) != ticket.Generation)
            {
                return false;
            }

            _entries.Set(ticket.CartId, new LocalEntry(entry, expiresAtMs), new MemoryCacheEntryOptions { Size = entry.Cart.Json.Length + 256 });
            return true;
        }
    }

    /// <summary>Drops the cart unless the held entry is already at <paramref name="version"/> or newer, and voids fills in flight.</summary>
    public void Invalidate(string cartId, long version)
    {
        var stripe = StripeOf(cartId);
        lock (_locks[stripe])
        {
            _stamps[stripe]++;
            if (_entries.TryGetValue(cartId, out LocalEntry? held) && held!.Entry.Version < version)
            {
                _entries.Remove(cartId);
            }
        }
    }

    /// <summary>Drops everything and voids every fill in flight (a message may have been lost).</summary>
    public void Clear()
    {
        foreach (var gate in _locks)
        {
            gate.Enter();
        }

        try
        {
            _generation++;
            _entries.Clear();
        }
        finally
        {
            foreach (var gate in _locks)
            {
                gate.Exit();
            }
        }
    }

    public void Dispose() => _entries.Dispose();

    private static int StripeOf(string cartId) => (int)((uint)StringComparer.Ordinal.GetHashCode(cartId) % Stripes);

    private sealed record LocalEntry(CachedCart Entry, long ExpiresAt);
}

/// <summary>What <see cref="LocalCartCache.Fill"/> checks: nothing invalidated the cart since the ticket was taken.</summary>
internal readonly record struct FillTicket(string CartId, int Stripe, long Stamp, long Generation);
