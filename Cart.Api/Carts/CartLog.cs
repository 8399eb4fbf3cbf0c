using Cart.Api.Storage;

namespace Cart.Api.Carts;

/// <summary>Cart.Api's structured log events.</summary>
internal static partial class CartLog
{
    [LoggerMessage(EventId = 100, Level = LogLevel.Warning, Message = "Cart cache read failed for {CartId}; reading DynamoDB")]
    public static partial void CacheReadFailed(ILogger logger, string cartId, Exception exception);

    [LoggerMessage(EventId = 101, Level = LogLevel.Warning, Message = "Cart cache write failed for {CartId} at version {Version}")]
    public static partial void CacheWriteFailed(ILogger logger, string cartId, long version, Exception exception);

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

    [LoggerMessage(EventId = 110, Level = LogLevel.Information, Message = "Created cart {CartId} in {Currency} (device bound: {DeviceBound})")]
    public static partial void CartCreated(ILogger logger, string cartId, string currency, bool deviceBound);

    [LoggerMessage(EventId = 111, Level = LogLevel.Debug, Message = "Cart {CartId} moved past version {Version} during attempt {Attempt}; retrying with a fresh read")]
    public static partial void VersionConflict(ILogger logger, string cartId, long version, int attempt);

    [LoggerMessage(EventId = 112, Level = LogLevel.Warning, Message = "Cart {CartId} write gave up after {Attempts} attempts (last: {LastResult})")]
    public static partial void WriteGaveUp(ILogger logger, string cartId, int attempts, CommitResult lastResult);

    [LoggerMessage(EventId = 113, Level = LogLevel.Information, Message = "DynamoDB throttled the write of cart {CartId} on attempt {Attempt}; backing off")]
    public static partial void WriteThrottled(ILogger logger, string cartId, int attempt);

    [LoggerMessage(EventId = 120, Level = LogLevel.Information, Message = "Checkout of cart {CartId}: Payments.Api answered {Outcome} for key {PaymentKey}")]
    public static partial void PaymentAnswered(ILogger logger, string cartId, string paymentKey, string outcome);
}
