namespace Payments.Api.Domain;

/// <summary>One movement of money on an account, in minor units.</summary>
internal sealed record LedgerTransaction(
    string TxnId,
    string AccountId,
    string UserId,
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
    /// <summary>What is left to refund of a captured payment.</summary>
    public long Refundable => Kind == TransactionKinds.Payment ? Amount - RefundedAmount : 0;
}

/// <summary>What a transaction is.</summary>
internal static class TransactionKinds
{
    public const string Payment = "PAYMENT";
    public const string Deposit = "DEPOSIT";
    public const string Refund = "REFUND";
}

/// <summary>Which way money moved on the account.</summary>
internal static class Directions
{
    public const string Debit = "DEBIT";
    public const string Credit = "CREDIT";
}

/// <summary>The states of a transaction.</summary>
internal static class TransactionStatuses
{
    public const string Captured = "CAPTURED";
    public const string PartiallyRefunded = "PARTIALLY_REFUNDED";
    public const string Refunded = "REFUNDED";
    public const string Completed = "COMPLETED";

    /// <summary>A payment's status once <paramref name="refunded"/> of <paramref name="amount"/> has gone back.</summary>
    public static string ForRefunded(long amount, long refunded) =>
        refunded <= 0 ? Captured : refunded >= amount ? Refunded : PartiallyRefunded;
}
