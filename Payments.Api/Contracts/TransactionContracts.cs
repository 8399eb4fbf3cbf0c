namespace Payments.Api.Contracts;

/// <summary>A transaction as clients see it; amounts in minor units of <c>currency</c>.</summary>
internal sealed record TransactionResponse(
    string TxnId,
    string AccountId,
    string Kind,
    string Direction,
    long Amount,
    string Currency,
    string? MerchantId,
    string Status,
    long RefundedAmount,
    string? OriginalTxnId,
    string? Description,
    string CreatedAt)
{
    public static TransactionResponse From(LedgerTransaction txn) => new(
        txn.TxnId, txn.AccountId, txn.Kind, txn.Direction, txn.Amount, txn.Currency, txn.MerchantId, txn.Status,
        txn.RefundedAmount, txn.OriginalTxnId, txn.Description, txn.CreatedAt);
}

/// <summary>One page of transactions, oldest first for statements and time-ordered for the merchant view.</summary>
internal sealed record TransactionPage(IReadOnlyList<TransactionResponse> Items, string? NextCursor);

/// <summary>An audit entry as clients see it.</summary>
internal sealed record AuditResponse(string EventId, string EventType, string Actor, string At, string? TxnId, long? Amount, string? Currency, string? Detail)
{
    public static AuditResponse From(AuditEntry entry) =>
        new(entry.EventId, entry.EventType, entry.Actor, entry.At, entry.TxnId, entry.Amount, entry.Currency, entry.Detail);
}

/// <summary>One page of an account's audit history, newest first.</summary>
internal sealed record AuditPage(IReadOnlyList<AuditResponse> Items, string? NextCursor);

/// <summary>Body of <c>POST /accounts/{id}/deposits</c>.</summary>
internal sealed record DepositRequest(long? Amount, string? Currency, string? Description);
