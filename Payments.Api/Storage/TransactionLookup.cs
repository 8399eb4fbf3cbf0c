namespace Payments.Api.Storage;

/// <summary>
/// What looking one of the caller's transactions up by id found. A miss is <see cref="Inconclusive"/> when the
/// transaction may exist and be the caller's all the same: GSI1 had no entry for it, and GSI1 may be behind by more than
/// the strongly consistent search reads (an account opened a moment ago, a window of more rows than one read, an index
/// further behind than the window). Only a miss that cannot change is conclusive: an id of the wrong shape, or GSI1
/// naming someone else's transaction.
/// </summary>
internal sealed record TransactionLookup(LedgerTransaction? Found, bool Inconclusive)
{
    /// <summary>Not the caller's transaction, and never will be: an id the service never makes, or someone else's.</summary>
    public static readonly TransactionLookup Absent = new(Found: null, Inconclusive: false);

    /// <summary>Not found, and not ruled out: a later look may find it.</summary>
    public static readonly TransactionLookup NotSeenYet = new(Found: null, Inconclusive: true);

    public static TransactionLookup Of(LedgerTransaction transaction) => new(transaction, Inconclusive: false);
}
