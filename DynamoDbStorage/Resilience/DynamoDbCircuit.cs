using CircuitBreaking;

namespace DynamoDbStorage.Resilience;

/// <summary>
/// The circuit breaker in front of DynamoDB, opened by calls that got no answer (timed out, connection refused), never
/// by answers, errors and throttling included. It opens when, within <see cref="DynamoDbOptions.ObservationWindow"/>,
/// at least <see cref="DynamoDbOptions.BreakMinimumCalls"/> calls ended and <see cref="DynamoDbOptions.BreakNoAnswerShare"/>
/// of them were unanswered — a share, not a streak, because under load slow calls time out together while others are
/// still answered. Open, it refuses every call for <see cref="DynamoDbOptions.BreakDuration"/>, so a stalled DynamoDB
/// costs callers nothing and no backlog piles up behind it; then one probe may go through, and any answer closes it.
/// </summary>
public sealed partial class DynamoDbCircuit(IOptions<DynamoDbOptions> options, TimeProvider time, ILogger<DynamoDbCircuit> logger)
{
    private readonly CircuitBreaker _breaker = new(
        new FailureShareInWindow(options.Value.ObservationWindow, options.Value.BreakMinimumCalls, options.Value.BreakNoAnswerShare),
        options.Value.BreakDuration,
        time);

    /// <summary>Whether a call may go to DynamoDB now (and whether it is the probe), or how long it stays refused.</summary>
    public CircuitEntry Enter() => _breaker.Enter();

    /// <summary>DynamoDB answered (whatever the answer).</summary>
    public void RecordAnswer()
    {
        if (_breaker.RecordSuccess())
        {
            LogClosed(logger);
        }
    }

    /// <summary>The probe's caller gave up before DynamoDB answered or the attempt timed out: another call probes.</summary>
    public void ProbeAbandoned() => _breaker.AbandonProbe();

    /// <summary>A call got no answer: it timed out or could not connect (<paramref name="probe"/>: it was the open circuit's probe).</summary>
    public void RecordNoAnswer(bool probe)
    {
        if (_breaker.RecordFailure(probe))
        {
            LogOpened(logger, options.Value.BreakNoAnswerShare * 100, options.Value.ObservationWindow.TotalSeconds, options.Value.BreakDuration.TotalSeconds);
        }
    }

    [LoggerMessage(EventId = 1, Level = LogLevel.Warning, Message = "DynamoDB left {Percent} % or more of the calls of the last {WindowSeconds} s unanswered: calls are refused for {Seconds} s")]
    private static partial void LogOpened(ILogger logger, double percent, double windowSeconds, double seconds);

    [LoggerMessage(EventId = 2, Level = LogLevel.Information, Message = "DynamoDB answers again: calls go through")]
    private static partial void LogClosed(ILogger logger);
}
