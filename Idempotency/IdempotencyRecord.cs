namespace Idempotency;

public enum IdempotencyStatus
{
    InProgress,
    Completed,
}

/// <summary>What is stored under a key: the request's fingerprint and, once done, its response.</summary>
public sealed record IdempotencyRecord(
    string Fingerprint,
    IdempotencyStatus Status,
    string ClaimId,
    DateTimeOffset CreatedAt,
    DateTimeOffset ExpiresAt,
    DateTimeOffset LeaseUntil,
    StoredResponse? Response)
{
    /// <summary>Past its lifetime a record counts as absent (TTL deletion is lazy in AWS and absent in DynamoDB Local).</summary>
    public bool IsExpiredAt(DateTimeOffset now) => now >= ExpiresAt;

    /// <summary>An in-flight claim whose owner has gone quiet for longer than the lease.</summary>
    public bool IsAbandonedAt(DateTimeOffset now) => Status == IdempotencyStatus.InProgress && now >= LeaseUntil;
}
