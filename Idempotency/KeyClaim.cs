namespace Idempotency;

/// <summary>When a request takes its Idempotency-Key.</summary>
public enum KeyClaim
{
    /// <summary>
    /// An IN_PROGRESS record is written before the handler runs, so a duplicate sent while the first is in flight gets
    /// 409 IDEMPOTENCY_KEY_IN_USE. For handlers with effects beyond their one transaction (a call to another service).
    /// </summary>
    BeforeHandler,

    /// <summary>
    /// No record is written up front: the handler's own <c>TransactWriteItems</c> carries the completed record,
    /// conditioned on the key being free, so the write that makes the change is the write that takes the key (one
    /// DynamoDB write per request fewer). A duplicate in flight races to the same condition: one commits, the other
    /// replays its response. Only for handlers whose every effect is inside that transaction.
    /// </summary>
    WithTransaction,
}
