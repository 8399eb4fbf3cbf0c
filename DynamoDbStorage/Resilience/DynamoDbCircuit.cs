namespace DynamoDbStorage.Resilience;

/// <summary>
/// A circuit breaker in front of DynamoDB, opened by calls that got no answer (timed out, connection refused), never by
/// answers, errors included. After <see cref="DynamoDbOptions.BreakAfterNoAnswers"/> of them in a row it refuses every
/// call for <see cref="DynamoDbOptions.BreakDuration"/>, so a stalled DynamoDB costs callers nothing and no backlog
/// piles up behind it; then one probe may go through, and its answer closes the circuit.
/// </summary>
public sealed partial class DynamoDbCircuit(IOptions<DynamoDbOptions> options, TimeProvider time, ILogger<DynamoDbCircuit> logger)
{
    private readonly Lock _gate = new();
    private int _noAnswers;
    private DateTimeOffset _openUntil = DateTimeOffset.MinValue;
    private bool _probing;

    /// <summary>True when a call may go to DynamoDB now; otherwise <paramref name="retryAfter"/> is how long it stays refused.</summary>
    public bool TryEnter(out TimeSpan retryAfter)
    {
        lock (_gate)
        {
            retryAfter = TimeSpan.Zero;
            if (_noAnswers < options.Value.BreakAfterNoAnswers)
            {
                return true;
            }

            var now = time.GetUtcNow();
            if (_openUntil > now || _probing)
            {
                retryAfter = _openUntil > now ? _openUntil - now : options.Value.BreakDuration;
                return false;
            }

            _probing = true;
            return true;
        }
    }

    /// <summary>DynamoDB answered (whatever the answer).</summary>
    public void RecordAnswer()
    {
        lock (_gate)
        {
            if (_noAnswers >= options.Value.BreakAfterNoAnswers)
            {
                LogClosed(logger);
            }

            _noAnswers = 0;
            _probing = false;
        }
    }

    /// <summary>A call got no answer: it timed out or could not connect.</summary>
    /// <remarks>
    /// Calls already on their way when the circuit opened end unanswered during the break: they count, but do not
    /// extend it, so the circuit is tried again one break after it opened, not one break after the last straggler.
    /// </remarks>
    public void RecordNoAnswer()
    {
        lock (_gate)
        {
            var now = time.GetUtcNow();
            var wasProbing = _probing;
            _probing = false;
            _noAnswers++;
            if (_noAnswers < options.Value.BreakAfterNoAnswers || (_openUntil > now && !wasProbing))
            {
                return;
            }

            _openUntil = now + options.Value.BreakDuration;
            LogOpened(logger, _noAnswers, options.Value.BreakDuration.TotalSeconds);
        }
    }

    [LoggerMessage(EventId = 1, Level = LogLevel.Warning, Message = "DynamoDB left {NoAnswers} calls in a row unanswered: calls are refused for {Seconds} s")]
    private static partial void LogOpened(ILogger logger, int noAnswers, double seconds);

    [LoggerMessage(EventId = 2, Level = LogLevel.Information, Message = "DynamoDB answers again: calls go through")]
    private static partial void LogClosed(ILogger logger);
}
