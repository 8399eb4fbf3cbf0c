using Cart.Api.Model;
using Cart.Api.Storage;

namespace Cart.Api.Checkout;

/// <summary>Works out what a checkout will hold — the slot, and which shards each stocked line's units come from — from fresh reads.</summary>
internal sealed class CheckoutHolds(StockStore stock, IOptions<CartOptions> options)
{
    public async Task<Outcome<CheckoutHold>> PrepareAsync(
        CartSnapshot cart, IReadOnlyDictionary<string, Product> products, SlotId? slot, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var demand = cart.Lines
            .Where(line => products.TryGetValue(line.Sku, out var product) && product.StockShards is > 0)
            .GroupBy(line => line.Sku, StringComparer.Ordinal)
            .ToDictionary(group => group.Key, group => group.Sum(line => line.Qty), StringComparer.Ordinal);
        var takes = new List<StockTake>();
        if (demand.Count > 0)
        {
            var shards = await stock.ShardsAsync(demand.ToDictionary(pair => pair.Key, pair => products[pair.Key].StockShards!.Value, StringComparer.Ordinal), cancellationToken);
            var plan = StockPlanner.Plan(demand, shards, Random.Shared.Next);
            if (!plan.IsCovered)
            {
                return CheckoutErrors.Short(plan.ShortSkus);
            }

            takes.AddRange(plan.Takes);
        }

        return new CheckoutHold(slot, (now + options.Value.CheckoutHoldLifetime).ToUnixTimeSeconds(), takes);
    }
}
