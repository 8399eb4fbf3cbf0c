namespace Payments.Api.Domain;

/// <summary>A change of an account's balance by <paramref name="Amount"/> (always positive) in <paramref name="Direction"/>, under its rules.</summary>
internal sealed record AccountMovement(string AccountId, string UserId, string Direction, long Amount, IReadOnlyList<AccountRule> Rules)
{
    /// <summary>Why the movement cannot happen on <paramref name="account"/> as read, or null when every rule holds.</summary>
    public ApiError? RefusalFor(Account? account) => account is null || account.UserId != UserId
        ? LedgerErrors.AccountNotFound()
        : AccountRules.FirstRefusal(Rules, account);
}

/// <summary>The rules of every account change, written once: the store turns them into conditions, reads into refusals.</summary>
internal static class AccountRules
{
    /// <summary>Takes money out: only from the user's own ACTIVE account of that currency holding at least the amount.</summary>
    public static AccountMovement Debit(string accountId, string userId, long amount, string currency) =>
        new(accountId, userId, Directions.Debit, amount, [new AccountRule.IsActive(), new AccountRule.HoldsCurrency(currency), new AccountRule.Covers(amount)]);

    /// <summary>Puts money in (deposit): only into the user's own ACTIVE account of that currency, never above the ceiling.</summary>
    public static AccountMovement Credit(string accountId, string userId, long amount, string currency) =>
        new(accountId, userId, Directions.Credit, amount, [new AccountRule.IsActive(), new AccountRule.HoldsCurrency(currency), new AccountRule.StaysWithinCeiling(amount, "deposit")]);

    /// <summary>Gives money back (refund): into the user's account unless CLOSED — a frozen account still receives refunds.</summary>
    public static AccountMovement Refund(string accountId, string userId, long amount, string currency) =>
        new(accountId, userId, Directions.Credit, amount, [new AccountRule.IsNotClosed(), new AccountRule.HoldsCurrency(currency), new AccountRule.StaysWithinCeiling(amount, "refund")]);

    /// <summary>Closes an ACTIVE, empty account at the version it was read at.</summary>
    public static IReadOnlyList<AccountRule> Close(Account account) =>
        [new AccountRule.IsActive(), new AccountRule.IsEmpty(), new AccountRule.IsAtVersion(account.Version)];

    /// <summary>The first rule <paramref name="account"/> breaks, as its refusal; null when all hold.</summary>
    public static ApiError? FirstRefusal(IEnumerable<AccountRule> rules, Account account) =>
        rules.Select(rule => rule.RefusalFor(account)).FirstOrDefault(refusal => refusal is not null);
}
