namespace DynamoDbStorage.Retries;

/// <summary>
/// The one retry policy: a pause before each next attempt with full jitter under a ceiling that doubles per attempt
/// (a longer one for throttling, since retrying at once only adds to the load DynamoDB is shedding), and an end —
/// a number of attempts, a budget of time measured with a <see cref="TimeProvider"/>, both, or neither.
/// </summary>
/// <param name="Contention">The ceilings after a lost race or a transient failure.</param>
/// <param name="Throttling">The ceilings after throttling.</param>
public sealed record RetryPolicy(Backoff Contention, Backoff Throttling)
{
    /// <summary>How many attempts in all, or null for no limit by count.</summary>
    public int? MaxAttempts { get; init; }

    /// <summary>How long after the first attempt began another may start, or null for no limit by time.</summary>
    public TimeSpan? Budget { get; init; }

    /// <summary>The ceiling of the pause after <paramref name="attempt"/> (counted from 1) failed.</summary>
    public TimeSpan Ceiling(int attempt, bool throttled) => (throttled ? Throttling : Contention).Ceiling(attempt);

    /// <summary>The pause after <paramref name="attempt"/> (counted from 1) failed: uniform in [1 ms, ceiling), so writers that collided spread out.</summary>
    public TimeSpan DelayAfter(int attempt, bool throttled) => Jitter(Ceiling(attempt, throttled), Random.Shared.NextDouble());

    /// <summary>One operation's run of attempts under this policy, its budget starting now.</summary>
    public RetryRun Start(TimeProvider time) => new(this, time, Budget is { } budget ? time.GetUtcNow() + budget : null);

    /// <summary>The pause for a <paramref name="sample"/> in [0, 1) under <paramref name="ceiling"/>, never below 1 ms.</summary>
    public static TimeSpan Jitter(TimeSpan ceiling, double sample) =>
        TimeSpan.FromTicks(Math.Max(TimeSpan.TicksPerMillisecond, (long)(ceiling.Ticks * sample)));
}

/// <summary>A ceiling that starts at <paramref name="First"/> and doubles per attempt up to <paramref name="Max"/>.</summary>
public readonly record struct Backoff(TimeSpan First, TimeSpan Max)
{
    /// <summary>The ceiling after <paramref name="attempt"/> (counted from 1) failed.</summary>
    public TimeSpan Ceiling(int attempt)
    {
        var doublings = Math.Clamp(attempt - 1, 0, 62);
        return TimeSpan.FromTicks((long)Math.Min(Max.Ticks, First.Ticks * Math.Pow(2, doublings)));
    }
}
