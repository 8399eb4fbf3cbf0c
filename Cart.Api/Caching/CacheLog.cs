namespace Cart.Api.Caching;

/// <summary>The cart cache's structured log events (Redis tier, invalidations).</summary>
internal static partial class CacheLog
{
    [LoggerMessage(EventId = 100, Level = LogLevel.Warning, Message = "Cart cache read failed for {CartId}; reading DynamoDB")]
    public static partial void CacheReadFailed(ILogger logger, string cartId, Exception exception);

    [LoggerMessage(EventId = 101, Level = LogLevel.Warning, Message = "Cart cache write failed for {CartId} at version {Version}")]
    public static partial void CacheWriteFailed(ILogger logger, string cartId, long version, Exception exception);

    [LoggerMessage(EventId = 107, Level = LogLevel.Warning, Message = "Taking the cart cache's fill lease failed for {CartId}; reading DynamoDB without filling the cache")]
    public static partial void FillLeaseFailed(ILogger logger, string cartId, Exception exception);

    [LoggerMessage(EventId = 102, Level = LogLevel.Warning, Message = "Subscribing to the cart invalidation channel {Channel} failed; retrying")]
    public static partial void InvalidationSubscribeFailed(ILogger logger, string channel, Exception exception);

    [LoggerMessage(EventId = 104, Level = LogLevel.Warning, Message = "Cart invalidations were lost (the next message is number {Sequence}); the local cache tier was emptied")]
    public static partial void InvalidationGap(ILogger logger, long sequence);

    [LoggerMessage(EventId = 105, Level = LogLevel.Warning, Message = "Cart invalidation number {Sequence} did not arrive in time; the local cache tier was emptied")]
    public static partial void InvalidationMissed(ILogger logger, long sequence);

    [LoggerMessage(EventId = 106, Level = LogLevel.Debug, Message = "The cart invalidation sequence could not be read; serving from Redis")]
    public static partial void InvalidationSequenceUnreadable(ILogger logger, Exception exception);

    [LoggerMessage(EventId = 103, Level = LogLevel.Debug, Message = "Cart cache skipped for {CartId}: Redis is not connected")]
    public static partial void CacheSkipped(ILogger logger, string cartId);
}
