namespace Cart.Api.Caching;

/// <summary>
/// Keeps this replica's <see cref="LocalCartCache"/> coherent with every replica's commits: subscribes to the
/// invalidation channel and applies each message in order (<see cref="CartInvalidation"/>), and before a local entry is
/// served, proves that every change announced before the read began has been applied (<see cref="CatchUpAsync"/>).
/// A lost message — the subscription cut, Redis dropping a slow subscriber, a message still in flight past the bound —
/// shows as a gap in the sequence numbers or as a sequence this replica never reaches; either way the local tier is
/// emptied and reads go to Redis, exactly as without it.
/// </summary>
internal sealed class CartInvalidations(
    IConnectionMultiplexer redis,
    LocalCartCache local,
    InvalidationSequence sequence,
    CacheBreaker breaker,
    CartCacheMetrics metrics,
    IOptions<CartOptions> options,
    TimeProvider time,
    ILogger<CartInvalidations> logger) : BackgroundService
{
    private readonly ReadCoalescer<long> _sequenceReads = new();

    private RedisChannel Channel => RedisChannel.Literal(options.Value.InvalidationChannel);

    /// <summary>
    /// True when a local entry may be served now: the channel's current sequence number, read after the caller arrived
    /// (one read shared by every caller waiting at the same time), has been applied here. False when that cannot be
    /// proven within the cache timeout; then the tier is emptied and re-synchronized, and the caller reads Redis.
    /// </summary>
    public async Task<bool> CatchUpAsync(CancellationToken cancellationToken)
    {
        if (breaker.IsOpen)
        {
            return false;
        }

        long current;
        try
        {
            current = await _sequenceReads.LoadAsync(options.Value.InvalidationSequenceKey, ReadSequenceAsync, cancellationToken);
        }
        catch (Exception exception) when (exception is RedisException or TimeoutException)
        {
            CacheLog.InvalidationSequenceUnreadable(logger, exception);
            return false;
        }

        if (await sequence.WaitForAsync(current, options.Value.CacheOperationTimeout, time, cancellationToken))
        {
            return true;
        }

        if (sequence.IsSynchronized)
        {
            // Announced but not received in time: lost, or so late that waiting longer would cost more than Redis.
            metrics.Invalidation(InvalidationResult.Missed);
            CacheLog.InvalidationMissed(logger, current);
        }

        Resynchronize(current);
        return false;
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        redis.ConnectionFailed += OnConnectionFailed;
        try
        {
            var queue = await SubscribeAsync(stoppingToken);
            queue.OnMessage(Apply);
            await Task.Delay(Timeout.InfiniteTimeSpan, time, stoppingToken);
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
        finally
        {
            redis.ConnectionFailed -= OnConnectionFailed;
        }
    }

    private async Task<ChannelMessageQueue> SubscribeAsync(CancellationToken stoppingToken)
    {
        while (true)
        {
            try
            {
                return await redis.GetSubscriber().SubscribeAsync(Channel);
            }
            catch (Exception exception) when (exception is RedisException or TimeoutException)
            {
                CacheLog.InvalidationSubscribeFailed(logger, options.Value.InvalidationChannel, exception);
                await Task.Delay(options.Value.CacheBreakerOpenFor, time, stoppingToken);
            }
        }
    }

    private void Apply(ChannelMessage message)
    {
        if (CartInvalidation.Parse(message.Message) is not { } invalidation)
        {
            metrics.Invalidation(InvalidationResult.Malformed);
            return;
        }

        local.Invalidate(invalidation.CartId, invalidation.Version);
        if (invalidation.Sequence is { } number)
        {
            if (sequence.IsGap(number))
            {
                metrics.Invalidation(InvalidationResult.Gap);
                CacheLog.InvalidationGap(logger, number);
                local.Clear(); // before the sequence moves on: no reader may trust what the lost messages would have dropped
            }

            sequence.Advance(number);
        }

        metrics.Invalidation(InvalidationResult.Applied);
    }

    /// <summary>Empties the tier and counts everything up to <paramref name="current"/> as applied — if the subscription is up to hear what follows.</summary>
    private void Resynchronize(long current)
    {
        if (!redis.GetSubscriber().IsConnected(Channel))
        {
            return;
        }

        local.Clear();
        sequence.Synchronize(current);
    }

    private void OnConnectionFailed(object? sender, ConnectionFailedEventArgs failure)
    {
        breaker.Distrust(); // any connection: the Redis that answers next may have lost the last writes
        if (failure.ConnectionType == ConnectionType.Subscription)
        {
            // Messages published from now until the subscription is back are lost: nothing local is proven any more.
            sequence.Desynchronize();
            local.Clear();
            metrics.Invalidation(InvalidationResult.Disconnected);
        }
    }

    private async Task<long> ReadSequenceAsync(string key)
    {
        var value = await redis.GetDatabase().StringGetAsync(key).WaitAsync(options.Value.CacheOperationTimeout, time);
        return value.IsNull ? 0 : (long)value;
    }
}
