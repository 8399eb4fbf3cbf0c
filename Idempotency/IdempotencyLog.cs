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

    [LoggerMessage(4, LogLevel.Warning, "Lost the claim on Idempotency-Key {Key} before completing; the response was not stored")]
    public static partial void ClaimLost(ILogger logger, string key);
}
