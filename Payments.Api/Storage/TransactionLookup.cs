namespace Payments.Api.Storage;

/// <summary>
/// What looking one of the caller's transactions up by id found. A miss is <see cref="Inconclusive"/> when the
/// transaction may exist and be the caller's all the same: written a moment ago, and outside what the search read.
/// </summary>
internal sealed record TransactionLookup(LedgerTransaction? Found, bool Inconclusive)
{
    /// <summary>Not the caller's transaction, as far as anyone can tell: no such id, or someone else's.</summary>
    public static readonly TransactionLookup Absent = new(Found: null, Inconclusive: false);

    /// <summary>Not found, but the search could not read everywhere a transaction written a moment ago may be.</summary>
    public static readonly TransactionLookup NotSeenYet = new(Found: null, Inconclusive: true);

    public static TransactionLookup Of(LedgerTransaction transaction) => new(transaction, Inconclusive: false);

    /// <summary>
    /// The outcome of searching the caller's accounts: the transaction if one of them holds it; otherwise a miss that is
    /// conclusive only when every account was listed (at least one) and each was read to the end of the window.
    /// </summary>
    public static TransactionLookup After(IReadOnlyCollection<AccountSearch> searched, bool everyAccountListed, string userId) =>
        searched.Select(account => account.Found).FirstOrDefault(found => found?.UserId == userId) is { } transaction ? Of(transaction)
        : everyAccountListed && searched.Count > 0 && searched.All(account => account.ReadToEnd) ? Absent
        : NotSeenYet;
}
