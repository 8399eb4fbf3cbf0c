namespace DynamoDbStorage.Resilience;

/// <summary>
/// How long the next attempt may wait for DynamoDB: <see cref="DynamoDbOptions.AttemptTimeoutFactor"/> times the 99th
/// percentile of the calls answered within <see cref="DynamoDbOptions.ObservationWindow"/>, never less than
/// <see cref="DynamoDbOptions.AttemptTimeout"/> nor more than <see cref="DynamoDbOptions.AttemptTimeoutCap"/>. So a
/// DynamoDB that slows down under load or throttling, and keeps answering, is waited for as long as it takes; one that
/// answers nothing (a stall) gives no slow answers to learn from. Once a call has gone unanswered since the last answer
/// DynamoDB is silent, not slow, and attempts get the floor until it answers again: a request meeting a stall right
/// after a slow spell waits the long timeout once, not on each of its calls.
/// </summary>
public sealed class DynamoDbAttemptTimeout(IOptions<DynamoDbOptions> options, TimeProvider time)
{
    private const double Percentile = 0.99;

    private readonly Lock _gate = new();
    private readonly LatencyWindow _answered = new(options.Value.ObservationWindow);
    private bool _silent;

    /// <summary>The timeout of an ordinary attempt now.</summary>
    public TimeSpan Current
    {
        get
        {
            var settings = options.Value;
            var keepsTheFloor = settings.AttemptTimeout / settings.AttemptTimeoutFactor; // a 99th percentile at or below it
            TimeSpan? recent;
            lock (_gate)
            {
                recent = _silent ? null : _answered.PercentileAbove(Percentile, keepsTheFloor, time.GetUtcNow());
            }

            var following = recent is { } latency ? latency * settings.AttemptTimeoutFactor : TimeSpan.Zero;
            return following < settings.AttemptTimeout ? settings.AttemptTimeout
                : following > settings.AttemptTimeoutCap ? settings.AttemptTimeoutCap
                : following;
        }
    }

    /// <summary>
    /// The timeout of the probe of an open circuit: the cap, so a DynamoDB that has become slower at a stroke than the
    /// floor can answer it, and its latency is learnt, instead of being taken for a stall break after break.
    /// </summary>
    public TimeSpan ForProbe => options.Value.AttemptTimeoutCap;

    /// <summary>DynamoDB answered an attempt after <paramref name="latency"/>.</summary>
    public void RecordAnswered(TimeSpan latency)
    {
        lock (_gate)
        {
            _answered.Add(time.GetUtcNow(), latency);
            _silent = false;
        }
    }

    /// <summary>An attempt got no answer (timed out, not connected).</summary>
    public void RecordUnanswered()
    {
        lock (_gate)
        {
            _silent = true;
        }
    }
}
