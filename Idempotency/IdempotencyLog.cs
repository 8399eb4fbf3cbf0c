using Microsoft.Extensions.Logging;

namespace Idempotency;

internal static partial class IdempotencyLog
{
    [LoggerMessage(1, LogLevel.Information, "Replayed the response to Idempotency-Key {Key} ({Status})")]
    public static partial void Replayed(ILogger logger, string key, int status);

    [LoggerMessage(2, LogLevel.Information, "Idempotency-Key {Key} is still in flight")]
    public static partial void InFlight(ILogger logger, string key);

    [LoggerMessage(3, LogLevel.Warning, "Idempotency-Key {Key} was reused for a different request")]
    public static partial void Reused(ILogger logger, string key);

    [LoggerMessage(4, LogLevel.Information, "Idempotency-Key {Key} was taken by another request before this one completed; answering from its record")]
    public static partial void KeyTaken(ILogger logger, string key);

    [LoggerMessage(5, LogLevel.Information, "Idempotency-Key {Key} released: the answer came from a read that may not see the latest writes, so it is not the request's outcome")]
    public static partial void Inconclusive(ILogger logger, string key);
}
