namespace Cart.Api.Carts;

/// <summary>
/// The Redis read cache of rendered carts (<c>cart:&lt;cartId&gt;</c>). Best effort by design: every failure
/// is logged and swallowed, so reads fall back to DynamoDB and writes still succeed.
/// </summary>
internal sealed class CartCache(IConnectionMultiplexer redis, IOptions<CartOptions> options, ILogger<CartCache> logger)
{
    // Writes only when the cached version is older: a slow writer or reader can never put an older cart
    // back over a newer one, which keeps read-your-writes across instances.
    private const string SetIfNewerScript = """
        local current = redis.call('GET', KEYS[1])
        if current then
          local ok, cached = pcall(cjson.decode, current)
          if ok and type(cached) == 'table' and tonumber(cached['version']) and tonumber(cached['version']) >= tonumber(ARGV[1]) then
            return 0
          end
        end
        redis.call('SET', KEYS[1], ARGV[2], 'PX', ARGV[3])
        return 1
        """;

    public static RedisKey KeyOf(string cartId) => $"cart:{cartId}";

    public async Task<CartDocument?> TryGetAsync(string cartId)
    {
        if (!redis.IsConnected)
        {
            CartLog.CacheSkipped(logger, cartId);
            return null;
        }

        try
        {
            var cached = await redis.GetDatabase().StringGetAsync(KeyOf(cartId));
            return cached.IsNullOrEmpty ? null : JsonSerializer.Deserialize((byte[])cached!, CartJsonContext.Default.CartDocument);
        }
        catch (Exception exception) when (exception is RedisException or TimeoutException or JsonException)
        {
            CartLog.CacheReadFailed(logger, cartId, exception);
            return null;
        }
    }

    /// <summary>Caches the cart unless a newer version is there; <paramref name="waitForRedis"/> false does not wait for the reply.</summary>
    public async Task StoreAsync(CartDocument cart, bool waitForRedis)
    {
        if (!redis.IsConnected)
        {
            CartLog.CacheSkipped(logger, cart.CartId);
            return;
        }

        try
        {
            await redis.GetDatabase().ScriptEvaluateAsync(
                SetIfNewerScript,
                [KeyOf(cart.CartId)],
                [
                    cart.Version,
                    JsonSerializer.SerializeToUtf8Bytes(cart, CartJsonContext.Default.CartDocument),
                    (long)options.Value.CacheTimeToLive.TotalMilliseconds,
                ],
                waitForRedis ? CommandFlags.None : CommandFlags.FireAndForget);
        }
        catch (Exception exception) when (exception is RedisException or TimeoutException)
        {
            CartLog.CacheWriteFailed(logger, cart.CartId, cart.Version, exception);
        }
    }

    /// <summary>Announces a committed version so every instance can drop any local copy.</summary>
    public async Task PublishChangeAsync(CartDocument cart)
    {
        if (!redis.IsConnected)
        {
            return;
        }

        try
        {
            await redis.GetSubscriber().PublishAsync(
                RedisChannel.Literal(options.Value.InvalidationChannel),
                string.Create(CultureInfo.InvariantCulture, $"{cart.CartId}:{cart.Version}"),
                CommandFlags.FireAndForget);
        }
        catch (Exception exception) when (exception is RedisException or TimeoutException)
        {
            CartLog.InvalidationFailed(logger, cart.CartId, cart.Version, exception);
        }
    }
}
