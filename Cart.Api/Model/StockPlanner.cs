namespace Cart.Api.Model;

/// <summary>
/// Where a checkout takes its units from, without I/O: for each SKU, a random shard first and then the next ones in
/// turn (so concurrent buyers spread over the shards instead of all meeting on shard 0), as much as each holds, until
/// the quantity is covered. Every take becomes a conditional decrement (<c>available &gt;= qty</c>); a condition that
/// fails because someone was faster makes the checkout read the shards again and re-plan.
/// </summary>
internal static class StockPlanner
{
    /// <param name="demand">Units wanted per stocked SKU.</param>
    /// <param name="shards">What each shard of those SKUs held when read.</param>
    /// <param name="firstShard">The shard to try first for a SKU with that many shards (random in production).</param>
    public static StockPlan Plan(IReadOnlyDictionary<string, int> demand, IReadOnlyDictionary<string, IReadOnlyList<StockShard>> shards, Func<int, int> firstShard)
    {
        var takes = new List<StockTake>();
        var shortSkus = new List<string>();
        foreach (var (sku, wanted) in demand.OrderBy(pair => pair.Key, StringComparer.Ordinal))
        {
            var ofSku = shards.TryGetValue(sku, out var found) ? found : [];
            var start = ofSku.Count == 0 ? 0 : firstShard(ofSku.Count);
            var left = wanted;
            for (var i = 0; i < ofSku.Count && left > 0; i++)
            {
                var shard = ofSku[(start + i) % ofSku.Count];
                var take = (int)Math.Min(left, Math.Max(0, shard.Available));
                if (take > 0)
                {
                    takes.Add(new StockTake(sku, shard.Shard, take));
                    left -= take;
                }
            }

            if (left > 0)
            {
                shortSkus.Add(sku);
            }
        }

        return new StockPlan(takes, shortSkus);
    }

    /// <summary>Spreads <paramref name="quantity"/> over <paramref name="shards"/> shards as evenly as whole units allow.</summary>
    public static IReadOnlyList<long> Spread(long quantity, int shards) =>
        [.. Enumerable.Range(0, shards).Select(shard => (quantity / shards) + (shard < quantity % shards ? 1 : 0))];
}

/// <summary>The takes that cover a checkout's stocked lines, or the SKUs there is not enough of.</summary>
internal sealed record StockPlan(IReadOnlyList<StockTake> Takes, IReadOnlyList<string> ShortSkus)
{
    public bool IsCovered => ShortSkus.Count == 0;
}
