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
    private const string SetIfNotNewerScript = """
        local current = redis.call('GET', KEYS[1])
        if current then
          local ok, cached = pcall(cjson.decode, current)
          if ok and type(cached) == 'table' and tonumber(cached['version']) and tonumber(cached['version']) > tonumber(ARGV[1]) then
            return 0
          end
        end
        redis.call('SET', KEYS[1], ARGV[2], 'PX', ARGV[3])
        return 1
        """;

    public static RedisKey KeyOf(string cartId) => $"cart:{cartId}";

    public async Task<CachedCart?> TryGetAsync(string cartId)
    {
        if (!CanCall(cartId))
        {
            metrics.Lookup(CacheLookup.Skipped);
            return null;
        }

        try
        {
            var cached = await redis.GetDatabase().StringGetAsync(KeyOf(cartId)).WaitAsync(options.Value.CacheOperationTimeout, time);
            breaker.RecordSuccess();
            if (cached.IsNullOrEmpty)
            {
                metrics.Lookup(CacheLookup.Miss);
                return null;
            }

            var entry = CachedCartFormat.Read((byte[])cached!); // null: an entry of an older format, read through like a stale one
            var trusted = entry is not null && entry.CachedAt >= breaker.TrustCachedAfter;
            metrics.Lookup(trusted ? CacheLookup.Hit : CacheLookup.Untrusted);
            return trusted ? entry : null;
        }
        catch (Exception exception) when (exception is RedisException or TimeoutException)
        {
            breaker.RecordFailure();
            metrics.Lookup(CacheLookup.Failed);
            CartLog.CacheReadFailed(logger, cartId, exception);
            return null;
        }
        catch (JsonException exception)
        {
            metrics.Lookup(CacheLookup.Failed);
            CartLog.CacheReadFailed(logger, cartId, exception);
            return null;
        }
    }

    /// <summary>Caches the rendered cart unless a newer version is there.</summary>
    public async Task StoreAsync(CartSnapshot cart, CartView view)
    {
        if (!CanCall(cart.Header.CartId))
        {
            return;
        }

        var header = cart.Header;
        var entry = new CachedCart(header.Version, time.GetUtcNow().ToUnixTimeMilliseconds(), header.Status, header.DeviceId, header.UserId, header.Ttl, view);
        try
        {
            await redis.GetDatabase().ScriptEvaluateAsync(
                SetIfNotNewerScript,
                [KeyOf(header.CartId)],
                [
                    header.Version,
                    CachedCartFormat.Write(entry),
                    (long)options.Value.CacheTimeToLive.TotalMilliseconds,
                ]).WaitAsync(options.Value.CacheOperationTimeout, time);
            breaker.RecordSuccess();
        }
        catch (Exception exception) when (exception is RedisException or TimeoutException)
        {
            breaker.RecordFailure();
            CartLog.CacheWriteFailed(logger, header.CartId, header.Version, exception);
        }
    }

    /// <summary>Announces a committed version so every instance can drop any local copy (fire and forget).</summary>
    public void PublishChange(string cartId, long version)
    {
        if (breaker.IsOpen || !redis.IsConnected)
        {
            return;
        }

        try
        {
            redis.GetSubscriber().Publish(
                RedisChannel.Literal(options.Value.InvalidationChannel),
                string.Create(CultureInfo.InvariantCulture, $"{cartId}:{version}"),
                CommandFlags.FireAndForget);
        }
        catch (Exception exception) when (exception is RedisException or TimeoutException)
        {
            CartLog.InvalidationFailed(logger, cartId, version, exception);
        }
    }

    private bool CanCall(string cartId)
    {
        if (!redis.IsConnected)
        {
            breaker.RecordFailure(); // a write skipped now may leave a stale entry for when Redis is back
        }
        else if (breaker.TryEnter())
        {
            return true;
        }

        CartLog.CacheSkipped(logger, cartId);
        return false;
    }
}
