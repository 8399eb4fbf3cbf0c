namespace DynamoDbStorage.Transactions;

/// <summary>Why DynamoDB cancelled a <c>TransactWriteItems</c>, read from its per-item cancellation reasons (shared by every service that writes transactions).</summary>
public enum CancellationKind
{
    /// <summary>The idempotency completion's condition failed: the key is another request's (completed, or held).</summary>
    KeyTaken,

    /// <summary>A domain condition failed (balance, status, currency, refunded amount): see the item index.</summary>
    ConditionFailed,

    /// <summary>Another transaction touched the same item at the same time: retry.</summary>
    TransactionConflict,

    /// <summary>DynamoDB throttled the transaction: retry with a longer backoff, then answer 503 (a dependency is overloaded, not a race).</summary>
    Throttled,

    /// <summary>Anything else (validation, size limits): a bug, not a client error.</summary>
    Unexpected,
}

/// <summary>The classified cancellation: what happened and at which item.</summary>
public sealed record TransactCancellation(CancellationKind Kind, int ItemIndex)
{
    private const string ConditionalCheckFailed = "ConditionalCheckFailed";
    private const string TransactionConflictCode = "TransactionConflict";

    /// <summary>
    /// Classifies the reasons; a failed condition on the idempotency item wins over everything (the key is another
    /// request's), then failed domain conditions, then conflicts and throttling.
    /// </summary>
    public static TransactCancellation From(IReadOnlyList<CancellationReason>? reasons, int? idempotencyItemIndex)
    {
        reasons ??= [];
        if (idempotencyItemIndex is { } index && index < reasons.Count && reasons[index].Code == ConditionalCheckFailed)
        {
            return new(CancellationKind.KeyTaken, index);
        }

        for (var i = 0; i < reasons.Count; i++)
        {
            if (reasons[i].Code == ConditionalCheckFailed)
            {
                return new(CancellationKind.ConditionFailed, i);
            }
        }

        for (var i = 0; i < reasons.Count; i++)
        {
            switch (reasons[i].Code)
            {
                case TransactionConflictCode:
                    return new(CancellationKind.TransactionConflict, i);
                case "ThrottlingError" or "ProvisionedThroughputExceeded" or "RequestLimitExceeded":
                    return new(CancellationKind.Throttled, i);
            }
        }

        // DynamoDB Local reports a transaction that collided with another in flight without per-item codes.
        return reasons.All(reason => reason.Code is null or "None")
            ? new(CancellationKind.TransactionConflict, -1)
            : new(CancellationKind.Unexpected, -1);
    }
}
