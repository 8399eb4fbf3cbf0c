using Payments.Api.Accounts;

namespace Payments.Api.Ledger;

/// <summary>
/// The examples the payments document shows, built from the contract's records (DESIGN §5): an account opened,
/// funded with a deposit and charged by the cart's checkout.
/// </summary>
internal static class LedgerExamples
{
    private const string AccountId = "5d41402abc4b2a76b9719d911017c592";
    private const string UserId = "user-42";
    private const string OpenedAt = "2026-01-15T10:00:00.000Z";
    private const string DepositedAt = "2026-01-15T10:05:00.000Z";
    private const string PaidAt = "2026-01-15T10:20:00.000Z";

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
}
