namespace Payments.Api.Domain;

/// <summary>An append-only audit entry of an account: what happened, who did it, and the money it concerned.</summary>
internal sealed record AuditEntry(
    string EventId,
    string AccountId,
    string EventType,
    string Actor,
    string At,
    string? TxnId = null,
    long? Amount = null,
    string? Currency = null,
    string? Detail = null)
{
    public static AuditEntry For(string accountId, string eventType, string actor, string at, string? txnId = null, long? amount = null, string? currency = null, string? detail = null) =>
        new(Guid.NewGuid().ToString("N"), accountId, eventType, actor, at, txnId, amount, currency, detail);
}

/// <summary>The audit event types.</summary>
internal static class AuditEvents
{
    public const string AccountOpened = "ACCOUNT_OPENED";
    public const string AccountClosed = "ACCOUNT_CLOSED";
    public const string DepositReceived = "DEPOSIT_RECEIVED";
    public const string PaymentCaptured = "PAYMENT_CAPTURED";
    public const string PaymentDeclined = "PAYMENT_DECLINED";
    public const string RefundIssued = "REFUND_ISSUED";
}
