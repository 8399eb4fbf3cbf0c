using DynamoDbStorage.Transactions;

namespace Idempotency.Transactions;

/// <summary>What one attempt of an idempotent transaction came to.</summary>
public enum CommitResult
{
    /// <summary>The items and the key's completed record are written.</summary>
    Committed,

    /// <summary>The Idempotency-Key is another request's (it completed, or holds the key): the filter answers from its record.</summary>
    KeyTaken,

    /// <summary>A condition on one of the caller's items failed (<see cref="CommitOutcome.FailedItem"/>): read again to learn why.</summary>
    ConditionFailed,

    /// <summary>Nothing was written and trying again may succeed (<see cref="CommitOutcome.Cause"/> says why).</summary>
    Retryable,
}

/// <summary>Why a <see cref="CommitResult.Retryable"/> attempt failed.</summary>
public enum RetryCause
{
    None,

    /// <summary>Another transaction touched the same items at the same time.</summary>
    Conflict,

    /// <summary>A transaction with this attempt's token is still in flight (an SDK retry of a call whose answer was lost).</summary>
    InProgress,

    /// <summary>DynamoDB throttled the transaction: back off longer, and past the budget answer 503, never 500.</summary>
    Throttled,
}

/// <summary>The result of one commit attempt, the index of the item whose condition failed (-1 when none did) and, when retryable, why.</summary>
public readonly record struct CommitOutcome(CommitResult Result, int FailedItem = -1, RetryCause Cause = RetryCause.None)
{
    public static readonly CommitOutcome Committed = new(CommitResult.Committed);

    /// <summary>True when the attempt was throttled (retry with the longer backoff).</summary>
    public bool Throttled => Cause == RetryCause.Throttled;

    /// <summary>
    /// The outcome a failed <c>TransactWriteItems</c> stands for, or null when it is unexpected (validation, size
    /// limits: a bug, rethrown). Pure: <paramref name="idempotencyItem"/> is the completion's index, when there is one.
    /// </summary>
    public static CommitOutcome? Of(Exception exception, int? idempotencyItem) => exception switch
    {
        TransactionCanceledException cancelled => Of(TransactCancellation.From(cancelled.CancellationReasons, idempotencyItem)),
        TransactionConflictException => new(CommitResult.Retryable, Cause: RetryCause.Conflict),
        TransactionInProgressException => new(CommitResult.Retryable, Cause: RetryCause.InProgress),
        _ => null,
    };

    private static CommitOutcome? Of(TransactCancellation cancellation) => cancellation.Kind switch
    {
        CancellationKind.KeyTaken => new(CommitResult.KeyTaken, cancellation.ItemIndex),
        CancellationKind.ConditionFailed => new(CommitResult.ConditionFailed, cancellation.ItemIndex),
        CancellationKind.TransactionConflict => new(CommitResult.Retryable, Cause: RetryCause.Conflict),
        CancellationKind.Throttled => new(CommitResult.Retryable, Cause: RetryCause.Throttled),
        _ => null,
    };
}
