namespace Canary.Shopping;

/// <summary>The canary's structured log events.</summary>
internal static partial class CanaryLog
{
    [LoggerMessage(EventId = 1, Level = LogLevel.Information, Message = "Canary run succeeded in {ElapsedMs} ms (cart {CartId})")]
    public static partial void RunSucceeded(ILogger logger, long elapsedMs, string? cartId);

    [LoggerMessage(EventId = 2, Level = LogLevel.Warning, Message = "Canary run failed at {Step} with status {Status} after {ElapsedMs} ms: {Failure} ({FailuresInARow} in a row)")]
    public static partial void RunFailed(ILogger logger, string step, string status, long elapsedMs, string? failure, int failuresInARow);
}
