namespace Payments.Api.Contracts;

/// <summary>
/// The examples the payments document shows, built from the contract's records (DESIGN §5): an account opened,
/// funded with a deposit, charged by the cart's checkout, partly refunded.
/// </summary>
internal static class LedgerExamples
{
    private const string AccountId = "5d41402abc4b2a76b9719d911017c592";
    private const string UserId = "user-42";
    private const string OpenedAt = "2026-01-15T10:00:00.000Z";
    private const string DepositedAt = "2026-01-15T10:05:00.000Z";
    private const string PaidAt = "2026-01-15T10:20:00.000Z";
    private const string RefundedAt = "2026-01-16T09:00:00.000Z";
    private const string ClosedAt = "2026-02-01T12:00:00.000Z";

    public static readonly CreateAccountRequest CreateAccount = new("USD");

    public static readonly AccountResponse Opened = new(AccountId, UserId, "USD", Balance: 0, AccountStatus.Active, Version: 1, OpenedAt, OpenedAt);

    public static readonly AccountResponse Funded = Opened with { Balance = 100_000 - 1_088, Version = 3, UpdatedAt = PaidAt };

    public static readonly DepositRequest Deposit = new(100_000, "USD", "Top-up");

    public static readonly TransactionResponse Deposited = new(
        "7c9e6679742540de944be07fc1f90ae7", AccountId, TransactionKinds.Deposit, Directions.Credit, 100_000, "USD", MerchantId: null,
        TransactionStatuses.Completed, RefundedAmount: 0, OriginalTxnId: null, "Top-up", DepositedAt);

    public static readonly PaymentRequest Pay = new(AccountId, 1_088, "USD", "cart-store", Description: null);

    public static readonly TransactionResponse Paid = new(
        "0f8fad5bd9cb469fa16570867728950e", AccountId, TransactionKinds.Payment, Directions.Debit, 1_088, "USD", "cart-store",
        TransactionStatuses.Captured, RefundedAmount: 0, OriginalTxnId: null, Description: null, PaidAt);

    public static readonly TransactionPage Statement = new([Deposited, Paid], NextCursor: null);

    public static readonly AccountPage Accounts = new([Funded], NextCursor: null);

    public static readonly AccountResponse Closed = Opened with { Status = AccountStatus.Closed, Version = 2, UpdatedAt = ClosedAt };

    public static readonly RefundRequest PartialRefund = new(Amount: 500, "Returned one item");

    public static readonly TransactionResponse Refunded = new(
        "9b2c4f1e6a7d4e0c8f3b5a1d2e4c6f80", AccountId, TransactionKinds.Refund, Directions.Credit, 500, "USD", "cart-store",
        TransactionStatuses.Completed, RefundedAmount: 0, OriginalTxnId: Paid.TxnId, "Returned one item", RefundedAt);

    /// <summary>What the merchant <c>cart-store</c> sees: the payment, partly refunded, and its refund.</summary>
    public static readonly TransactionPage MerchantTransactions = new(
        [Paid with { Status = TransactionStatuses.PartiallyRefunded, RefundedAmount = 500 }, Refunded], NextCursor: null);

    public static readonly AuditPage AuditHistory = new(
        [
            new AuditResponse("e3b0c44298fc4c149afbf4c8996fb924", AuditEvents.RefundIssued, UserId, RefundedAt, Refunded.TxnId, 500, "USD", Paid.TxnId),
            new AuditResponse("a87ff679a2f34c71b1a2c3d4e5f60718", AuditEvents.PaymentCaptured, UserId, PaidAt, Paid.TxnId, 1_088, "USD", "cart-store"),
            new AuditResponse("c4ca4238a0b923820dcc509a6f75849b", AuditEvents.DepositReceived, UserId, DepositedAt, Deposited.TxnId, 100_000, "USD", Detail: null),
            new AuditResponse("c81e728d9d4c2f636f067f89cc14862c", AuditEvents.AccountOpened, UserId, OpenedAt, TxnId: null, Amount: null, "USD", Detail: null),
        ],
        NextCursor: null);
}
