using Cart.Api.Contracts;
using Cart.Api.Model;
using CircuitBreaking;

namespace Cart.Api.Caching;

/// <summary>
/// The Redis read cache of rendered carts (<c>cart:&lt;cartId&gt;</c>). Best effort by design: every call is bounded
/// by a short timeout and guarded by <see cref="CacheBreaker"/>; every failure is logged and swallowed, so reads fall
/// back to DynamoDB and writes still succeed.
/// </summary>
internal sealed class CartCache(
    IConnectionMultiplexer redis, CacheBreaker breaker, CartCacheMetrics metrics, IOptions<CartOptions> options, TimeProvider time, ILogger<CartCache> logger)
{
    // Writes unless the cached version is newer: a slow writer or reader can never put an older cart back over a
    // newer one, which keeps read-your-writes across instances. Equal versions overwrite, so a refill refreshes cachedAt.
    // A read's fill (ARGV[4] = 0) writes only while it still holds the cart's fill lease (ARGV[7], taken before it read
    // DynamoDB): a version announced since then revoked it, and where the entry was evicted meanwhile the version check
    // alone would have let the older read back in (-1: refused). A fill gives its lease back either way.
    // A commit (ARGV[4] = 1) is also announced in the same step: the channel's next sequence number is drawn and
    // published with it, so every replica's local tier hears of a change exactly when Redis holds it, and a replica
    // that misses a message sees the gap (CartInvalidations); announcing revokes the cart's fill lease.
    private const string SetIfNotNewerScript = CartCacheScripts.Functions + """
        if ARGV[4] ~= '1' then
          local lease = redis.call('GET', KEYS[3])
          if lease ~= ARGV[7] then return -1 end
          redis.call('DEL', KEYS[3])
        end
        local stored = 0
        local cached = cachedVersion(KEYS[1])
        if cached == nil or cached <= tonumber(ARGV[1]) then
          redis.call('SET', KEYS[1], ARGV[2], 'PX', ARGV[3])
          stored = 1
        end
        if ARGV[4] == '1' then
          announce(KEYS[2], ARGV[5], ARGV[6], ARGV[1], KEYS[3])
        end
        return stored
        """;

    private const long FillRefused = -1;

    /// <summary>
    /// How long a fill lease lasts: longer than a load that may still fill (a consistent read of one cart's partition,
    /// bounded by the DynamoDB client's timeouts), so a lease that runs out only costs that load its fill.
    /// </summary>
    private static readonly TimeSpan FillLeaseLifetime = TimeSpan.FromSeconds(10);

    public static RedisKey KeyOf(string cartId) => ChannelNames.CartCacheKey(cartId);

    /// <summary>The entry Redis holds for <paramref name="cartId"/>, current or only last-known; null on a miss, a failure or a skip.</summary>
    public async Task<CacheRead?> TryGetAsync(string cartId)
    {
        if (Enter(cartId) is not { Allowed: true } call)
        {
            metrics.Lookup(CacheTier.Redis, CacheLookup.Skipped);
            return null;
        }

        var (answered, cached) = await CallAsync(
            call,
            db => db.StringGetAsync(KeyOf(cartId)),
            options.Value.CacheOperationTimeout,
            exception => CacheLog.CacheReadFailed(logger, cartId, exception));
        if (!answered || cached.IsNullOrEmpty)
        {
            metrics.Lookup(CacheTier.Redis, answered ? CacheLookup.Miss : CacheLookup.Failed);
            return null;
        }

        CachedCart? entry;
        try
        {
            entry = CachedCartFormat.Read((byte[])cached!); // null: an entry of an older format or a version floor, read through
        }
        catch (JsonException exception)
        {
            metrics.Lookup(CacheTier.Redis, CacheLookup.Failed);
            CacheLog.CacheReadFailed(logger, cartId, exception);
            return null;
        }

        if (entry is null)
        {
            metrics.Lookup(CacheTier.Redis, CacheLookup.Untrusted);
            return null;
        }

        var result = entry.CachedAt < breaker.TrustCachedAfter ? CacheLookup.Untrusted
            : ExpiryOf(entry.CachedAt) <= time.GetUtcNow().ToUnixTimeMilliseconds() ? CacheLookup.Expired
            : CacheLookup.Hit;
        metrics.Lookup(CacheTier.Redis, result);
        return new CacheRead(entry, IsCurrent: result == CacheLookup.Hit);
    }

    /// <summary>
    /// Takes the cart's fill lease before a read of DynamoDB whose result may be cached, or null when it cannot be had
    /// (another reader holds it, or Redis is skipped or failing): that read then answers its reader without filling.
    /// </summary>
    public async Task<string?> TryLeaseFillAsync(string cartId)
    {
        if (Enter(cartId) is not { Allowed: true } call)
        {
            return null;
        }

        var token = Guid.NewGuid().ToString("N");
        var (answered, taken) = await CallAsync(
            call,
            db => db.StringSetAsync(ChannelNames.CartFillLeaseKey(cartId), token, FillLeaseLifetime, When.NotExists),
            options.Value.CacheOperationTimeout,
            exception => CacheLog.FillLeaseFailed(logger, cartId, exception));
        if (answered && !taken)
        {
            metrics.Fill(CacheFill.NotLeased);
        }

        return taken ? token : null;
    }

    /// <summary>
    /// Writes a commit through: caches the rendered cart unless a newer version is there, and announces the version on
    /// the invalidation channel in the same script (revoking the cart's fill lease). Returns the entry as cached, or null
    /// when Redis was skipped or failed.
    /// </summary>
    /// <remarks>
    /// A read-fill gives up after <see cref="CartOptions.CacheOperationTimeout"/> and is skipped while the breaker is open.
    /// A commit is neither (<see cref="Enter"/>): it waits for the script's own outcome (the connection's
    /// timeout, 1 s), because the script still runs after a caller stops waiting, and a commit answered before it ran
    /// would let another replica read the version before it from Redis — a stale read after a write, measured under
    /// load as a cart just attached to a user answering 404 to the user's other device. A frozen Redis costs each commit
    /// that second; a Redis that is down costs nothing (not connected: skipped at once).
    /// </remarks>
    public Task<CachedCart?> WriteThroughAsync(CartSnapshot cart, CartView view) => StoreAsync(cart, view, fillLease: null);

    /// <summary>
    /// Caches what a read of DynamoDB found, if <paramref name="fillLease"/> (<see cref="TryLeaseFillAsync"/>, taken
    /// before the read) is still the cart's: null when a version announced since revoked it, or Redis was skipped or failed.
    /// </summary>
    public Task<CachedCart?> FillAsync(CartSnapshot cart, CartView view, string fillLease) => StoreAsync(cart, view, fillLease);

    private async Task<CachedCart?> StoreAsync(CartSnapshot cart, CartView view, string? fillLease)
    {
        var announce = fillLease is null;
        if (Enter(cart.Header.CartId, commit: announce) is not { Allowed: true } call)
        {
            return null;
        }

        var header = cart.Header;
        var entry = new CachedCart(header.Version, time.GetUtcNow().ToUnixTimeMilliseconds(), header.Status, header.DeviceId, header.UserId, header.Ttl, view) { CreatedAt = header.CreatedAt };
        var (answered, stored) = await CallAsync(
            call,
            db => db.ScriptEvaluateAsync(
                SetIfNotNewerScript,
                [KeyOf(header.CartId), options.Value.InvalidationSequenceKey, ChannelNames.CartFillLeaseKey(header.CartId)],
                [
                    header.Version,
                    CachedCartFormat.Write(entry),
                    (long)(options.Value.CacheTimeToLive + options.Value.CacheServeStaleFor).TotalMilliseconds,
                    announce ? 1 : 0,
                    options.Value.InvalidationChannel,
                    header.CartId,
                    fillLease ?? string.Empty,
                ]),
            announce ? Timeout.InfiniteTimeSpan : options.Value.CacheOperationTimeout,
            exception => CacheLog.CacheWriteFailed(logger, header.CartId, header.Version, exception));
        if (!answered)
        {
            return null;
        }

        var refused = (long)stored == FillRefused;
        if (!announce)
        {
            metrics.Fill(refused ? CacheFill.Revoked : CacheFill.Stored);
        }

        return refused ? null : entry;
    }

    /// <summary>
    /// One Redis call the breaker let through (<paramref name="call"/>), judged by its outcome: its answer, the breaker
    /// told of the success; or not answered, when Redis failed or did not answer within <paramref name="timeout"/>, the
    /// breaker told of the failure and <paramref name="failed"/> given it to log. Any other exception leaves the call
    /// unjudged (abandoned, so a probe does not hold the breaker) and goes on to the caller.
    /// </summary>
    private async Task<(bool Answered, T Value)> CallAsync<T>(CircuitEntry call, Func<IDatabase, Task<T>> send, TimeSpan timeout, Action<Exception> failed)
    {
        var judged = false;
        try
        {
            var value = await send(redis.GetDatabase()).WaitAsync(timeout, time);
            judged = true;
            breaker.RecordSuccess();
            return (true, value);
        }
        catch (Exception exception) when (exception is RedisException or TimeoutException)
        {
            judged = true;
            breaker.RecordFailure(call);
            failed(exception);
            return (false, default!);
        }
        finally
        {
            if (!judged)
            {
                breaker.Abandon(call);
            }
        }
    }

    /// <summary>
    /// When an entry cached at <paramref name="cachedAt"/> stops being current (Unix milliseconds): no tier serves it as
    /// current later. Redis keeps it <see cref="CartOptions.CacheServeStaleFor"/> longer as the last-known copy.
    /// </summary>
    public long ExpiryOf(long cachedAt) => cachedAt + (long)options.Value.CacheTimeToLive.TotalMilliseconds;

    /// <summary>
    /// Whether Redis may be called for <paramref name="cartId"/> now, and whether that call is the breaker's probe. A
    /// <paramref name="commit"/>'s write-through goes whenever Redis is connected, the breaker open or not: skipped, it
    /// would leave the previous version in Redis for the other replicas to serve (their breakers may be closed, and this
    /// replica's distrust of older entries is its own). Measured: Redis frozen for five writes opened a replica's
    /// breaker, which then skipped the first write after Redis came back, and the other replica served the version before it.
    /// </summary>
    private CircuitEntry Enter(string cartId, bool commit = false)
    {
        if (!redis.IsConnected)
        {
            breaker.RecordUnreachable();
            CacheLog.CacheSkipped(logger, cartId);
            return CircuitEntry.Refused(TimeSpan.Zero);
        }

        var entry = commit ? CircuitEntry.Closed : breaker.Enter();
        if (!entry.Allowed)
        {
            CacheLog.CacheSkipped(logger, cartId);
        }

        return entry;
    }
}
