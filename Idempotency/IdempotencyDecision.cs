namespace Idempotency;

/// <summary>What to do with a request whose key is already on record.</summary>
public abstract record IdempotencyDecision
{
    private IdempotencyDecision()
    {
    }

    /// <summary>No live record: run the request.</summary>
    public sealed record Proceed : IdempotencyDecision;

    /// <summary>The same request completed: give its response again.</summary>
    public sealed record Replay(StoredResponse Response) : IdempotencyDecision;

    /// <summary>The same request is still running elsewhere: 409 IDEMPOTENCY_KEY_IN_USE.</summary>
    public sealed record InFlight : IdempotencyDecision;

    /// <summary>A different request used this key: 422 IDEMPOTENCY_KEY_REUSED.</summary>
    public sealed record KeyReused : IdempotencyDecision;

    /// <summary>The rules, apart from any I/O.</summary>
    public static IdempotencyDecision For(IdempotencyRecord? existing, string fingerprint, DateTimeOffset now) => existing switch
    {
        null => new Proceed(),
        _ when existing.IsExpiredAt(now) || existing.IsAbandonedAt(now) => new Proceed(),
        _ when existing.Fingerprint != fingerprint => new KeyReused(),
        { Status: IdempotencyStatus.Completed, Response: { } response } => new Replay(response),
        _ => new InFlight(),
    };
}
