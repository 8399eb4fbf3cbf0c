using Cart.Api.Catalog;

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
/// conditions (the cart's version, <c>available &gt;= qty</c>, <c>booked &lt; capacity</c>) still guard it — after an
/// exponential backoff with full jitter (10 ms doubling to 500 ms), which spreads the contenders out as their number
/// grows. A failed condition (the cart moved, the shard ran short, the slot filled), throttling, a hold with shards to
/// re-plan onto, or a conflict that lasts past <see cref="Budget"/> returns at once to the cart loop as before.
/// </summary>
internal sealed class HoldCommits(CartStore store, TimeProvider time)
{
    /// <summary>How long one freeze keeps resending its transaction through conflicts before the caller reads again.</summary>
    public static readonly TimeSpan Budget = TimeSpan.FromSeconds(4);

    private const int FirstCeilingMs = 10;
    private const int MaxCeilingMs = 500;

    public async Task<CommitAttempt> CommitAsync(
        List<TransactWriteItem> items, CheckoutHold? hold, IReadOnlyDictionary<string, Product> products, int attempt, CancellationToken cancellationToken)
    {
        var resend = hold is { Reservations.Count: > 0 } && hold.Reservations.All(take => products.GetValueOrDefault(take.Sku)?.StockShards is 1);
        var started = time.GetTimestamp();
        for (var conflicts = 0; ; conflicts++)
        {
            var commit = await store.CommitAttemptAsync<object?>(items, null, new(0, null, null), attempt, cancellationToken);
            if (!resend || commit is not { Result: CommitResult.Conflict, FailedItem: -1 } || time.GetElapsedTime(started) >= Budget)
            {
                return commit;
            }

            await Task.Delay(TimeSpan.FromMilliseconds(Random.Shared.Next(1, Ceiling(conflicts) + 1)), time, cancellationToken);
        }
    }

    /// <summary>The longest pause after the <paramref name="conflicts"/>-th conflict in a row (from 0): 10, 20, 40 … 500 ms.</summary>
    public static int Ceiling(int conflicts) => (int)Math.Min(MaxCeilingMs, (long)FirstCeilingMs << Math.Min(conflicts, 16));
}
