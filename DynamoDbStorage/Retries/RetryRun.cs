namespace DynamoDbStorage.Retries;

/// <summary>One operation's attempts under a <see cref="RetryPolicy"/>: whether another may start, and the pause before it.</summary>
public sealed class RetryRun(RetryPolicy policy, TimeProvider time, DateTimeOffset? deadline)
{
    /// <summary>True when another attempt may follow failed <paramref name="attempt"/> (counted from 1): attempts and budget both left.</summary>
    public bool MayRetryAfter(int attempt) =>
        (policy.MaxAttempts is not { } max || attempt < max) && (deadline is not { } end || time.GetUtcNow() < end);

    /// <summary>Waits the policy's jittered pause after failed <paramref name="attempt"/>, measured on the run's <see cref="TimeProvider"/>.</summary>
    public Task PauseAsync(int attempt, bool throttled, CancellationToken cancellationToken) =>
        Task.Delay(policy.DelayAfter(attempt, throttled), time, cancellationToken);
}
