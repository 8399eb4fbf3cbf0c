namespace Payments.Api.Domain;

/// <summary>
/// One condition an account must meet for a change to it. The store writes each rule into the update's condition
/// (so the change never needs a read first), and a fresh read of the account names the refusal with the same rule.
/// </summary>
internal abstract record AccountRule
{
    private AccountRule()
    {
    }

    /// <summary>Why <paramref name="account"/> breaks this rule, or null when it holds.</summary>
    public abstract ApiError? RefusalFor(Account account);

    /// <summary>The account is ACTIVE.</summary>
    public sealed record IsActive : AccountRule
    {
        public override ApiError? RefusalFor(Account account) =>
            account.Status == AccountStatus.Active ? null : LedgerErrors.AccountNotActive(account.Status);
    }

    /// <summary>The account is not CLOSED (a frozen account still receives refunds).</summary>
    public sealed record IsNotClosed : AccountRule
    {
        public override ApiError? RefusalFor(Account account) =>
            account.Status != AccountStatus.Closed ? null : LedgerErrors.AccountNotActive(account.Status);
    }

    /// <summary>The account holds <paramref name="Currency"/>.</summary>
    public sealed record HoldsCurrency(string Currency) : AccountRule
    {
        public override ApiError? RefusalFor(Account account) =>
            account.Currency == Currency ? null : LedgerErrors.Field("currency", $"The account holds {account.Currency}.");
    }

    /// <summary>The balance covers <paramref name="Amount"/>.</summary>
    public sealed record Covers(long Amount) : AccountRule
    {
        public override ApiError? RefusalFor(Account account) =>
            account.Balance >= Amount ? null : LedgerErrors.InsufficientFunds();
    }

    /// <summary>Adding <paramref name="Amount"/> keeps the balance within <see cref="Money.MaxBalance"/>.</summary>
    public sealed record StaysWithinCeiling(long Amount, string Movement) : AccountRule
    {
        public long HighestBalanceBefore => Money.MaxBalance - Amount;

        public override ApiError? RefusalFor(Account account) =>
            account.Balance <= HighestBalanceBefore ? null : LedgerErrors.Field("amount", $"The {Movement} would take the balance above its ceiling.");
    }

    /// <summary>The balance is zero.</summary>
    public sealed record IsEmpty : AccountRule
    {
        public override ApiError? RefusalFor(Account account) =>
            account.Balance == 0 ? null : LedgerErrors.Field("balance", "Only an account with a zero balance can be closed.");
    }

    /// <summary>The account is still at the version it was read at.</summary>
    public sealed record IsAtVersion(long Version) : AccountRule
    {
        public override ApiError? RefusalFor(Account account) =>
            account.Version == Version ? null : ApiError.Conflict("The account changed concurrently; read it again and retry.");
    }
}
