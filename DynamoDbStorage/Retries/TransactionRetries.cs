namespace DynamoDbStorage.Retries;

/// <summary>
/// The pauses between attempts of a <c>TransactWriteItems</c> that lost a race or was throttled, for every service:
/// short after contention (the next read usually settles it), ten times longer after throttling.
/// </summary>
public static class TransactionRetries
{
    private static readonly Backoff Contention = new(TimeSpan.FromMilliseconds(10), TimeSpan.FromMilliseconds(100));
    private static readonly Backoff Throttling = new(TimeSpan.FromMilliseconds(100), TimeSpan.FromSeconds(1));

    /// <summary>Attempts while <paramref name="budget"/> lasts (cart writes: then 409, or 503 when throttled).</summary>
    public static RetryPolicy Within(TimeSpan budget) => new(Contention, Throttling) { Budget = budget };

    /// <summary>At most <paramref name="attempts"/> attempts (ledger operations: then 409, or 503 when throttled).</summary>
    public static RetryPolicy UpTo(int attempts) => new(Contention, Throttling) { MaxAttempts = attempts };
}
