using Cart.Api.Storage;

namespace Cart.Api.Carts;

/// <summary>The structured log events of cart writes and checkout (the cache's are <c>CacheLog</c>).</summary>
internal static partial class CartLog
{
    [LoggerMessage(EventId = 110, Level = LogLevel.Information, Message = "Created cart {CartId} in {Currency} (device bound: {DeviceBound})")]
    public static partial void CartCreated(ILogger logger, string cartId, string currency, bool deviceBound);

    [LoggerMessage(EventId = 111, Level = LogLevel.Debug, Message = "Cart {CartId} moved past version {Version} during attempt {Attempt}; retrying with a fresh read")]
    public static partial void VersionConflict(ILogger logger, string cartId, long version, int attempt);

    [LoggerMessage(EventId = 115, Level = LogLevel.Debug, Message = "Cart {CartId} as cached (version {Version}) was behind the table on attempt {Attempt}; starting again from DynamoDB")]
    public static partial void CachedBaseBehind(ILogger logger, string cartId, long version, int attempt);

    [LoggerMessage(EventId = 112, Level = LogLevel.Warning, Message = "Cart {CartId} write gave up after {Attempts} attempts (last: {LastResult})")]
    public static partial void WriteGaveUp(ILogger logger, string cartId, int attempts, CommitOutcome lastResult);

    [LoggerMessage(EventId = 113, Level = LogLevel.Information, Message = "DynamoDB throttled the write of cart {CartId} on attempt {Attempt}; backing off")]
    public static partial void WriteThrottled(ILogger logger, string cartId, int attempt);

    [LoggerMessage(EventId = 114, Level = LogLevel.Warning, Message = "DynamoDB could not answer a read of cart {CartId} ({Failure}); served its last-known copy, cached {AgeSeconds} s ago, marked stale")]
    public static partial void ServedLastKnown(ILogger logger, string cartId, string failure, long ageSeconds);

    [LoggerMessage(EventId = 120, Level = LogLevel.Information, Message = "Checkout of cart {CartId}: Payments.Api answered {Outcome} for key {PaymentKey}")]
    public static partial void PaymentAnswered(ILogger logger, string cartId, string paymentKey, string outcome);
}
