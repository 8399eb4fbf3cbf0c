namespace Payments.Api.Storage;

/// <summary>
/// One of the caller's transactions by id: through GSI1, and on a miss there through the strongly consistent
/// <see cref="RecentTransactionSearch"/>, so a transaction the API has just returned is found though GSI1 (eventually
/// consistent) has not caught up with it.
/// </summary>
internal sealed class TransactionFinder(TransactionStore transactions, RecentTransactionSearch recent)
{
    public async Task<TransactionLookup> FindOwnedAsync(string txnId, string userId, CancellationToken cancellationToken)
    {
        if (!ServerIds.IsWellFormed(txnId))
        {
            return TransactionLookup.Absent;
        }

        if (await transactions.FindIndexedAsync(txnId, cancellationToken) is { } indexed)
        {
            return indexed.UserId == userId ? TransactionLookup.Of(indexed) : TransactionLookup.Absent; // someone else's: no existence oracle
        }

        return await recent.FindAsync(txnId, userId, cancellationToken);
    }
}
