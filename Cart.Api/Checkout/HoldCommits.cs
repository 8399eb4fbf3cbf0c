using Cart.Api.Catalog;
using Cart.Api.Model;
using Cart.Api.Storage;

namespace Cart.Api.Checkout;

/// <summary>
/// Commits a checkout's freeze transaction (the cart, its slot's counter, its stock shards) when many checkouts meet on
/// a hot SKU's only shard. DynamoDB cancels every transaction that touches an item while another is in flight on it
/// (TransactionConflict). The cart loop answers a conflict with a short backoff (≤ 100 ms) and a fresh read of the cart,
/// the catalog, the promotions and the shards before re-planning: right when stock is spread over shards (the re-plan
/// starts at another random shard), but with one shard there is nowhere else to go, and every waiting buyer came back
/// within 100 ms with five more requests and the same write, so the attempts on the one item overlapped more the longer
/// the queue grew (at 10 checkouts/s on one shard the median checkout took 6.5–10 s). A transaction conflict changes
/// nothing that was read, so when no SKU of the hold has another shard, the same transaction is sent again — its own
/// conditions (the cart's version, <c>available &gt;= qty</c>, <c>booked &lt; capacity</c>) still guard it — after the
/// <see cref="Resending"/> policy's pauses, which spreads the contenders out as their number
/// grows. A failed condition (the cart moved, the shard ran short, the slot filled), throttling, a hold with shards to
/// re-plan onto, or a conflict that outlasts the policy's budget returns at once to the cart loop as before.
/// </summary>
internal sealed class HoldCommits(CartStore store, TimeProvider time)
{
    /// <summary>
    /// Resending through conflicts on one shard: pauses of full jitter under a ceiling that doubles from 10 ms to 500 ms,
    /// for at most 4 s before the caller reads again. Only conflicts are resent (throttling goes back to the cart loop and
    /// its longer pauses), so the policy's throttling ceilings are never asked for; they repeat the contention ones.
    /// </summary>
    public static readonly RetryPolicy Resending = new(
        Contention: new Backoff(TimeSpan.FromMilliseconds(10), TimeSpan.FromMilliseconds(500)),
        Throttling: new Backoff(TimeSpan.FromMilliseconds(10), TimeSpan.FromMilliseconds(500)))
    {
        Budget = TimeSpan.FromSeconds(4),
    };

    public async Task<CommitOutcome> CommitAsync(
        List<TransactWriteItem> items, CheckoutHold? hold, IReadOnlyDictionary<string, Product> products, int attempt, CancellationToken cancellationToken)
    {
        var resend = hold is { Reservations.Count: > 0 } && hold.Reservations.All(take => products.GetValueOrDefault(take.Sku)?.StockShards is 1);
        var run = Resending.Start(time);
        for (var conflicts = 1; ; conflicts++)
        {
            var commit = await store.CommitAsync(items, idempotency: null, completion: null, attempt, cancellationToken);
            if (!resend || commit is not { Result: CommitResult.Retryable, Cause: RetryCause.Conflict } || !run.MayRetryAfter(conflicts))
            {
                return commit;
            }

            await run.PauseAsync(conflicts, throttled: false, cancellationToken);
        }
    }
}
