using Cart.Api.Contracts;
using Cart.Api.Model;

namespace Cart.Api.Apis;

/// <summary>The examples the stock administration shows, built from the contract's records: a hot SKU of 100 units in 8 shards.</summary>
internal static class StockExamples
{
    public static readonly SetStockRequest Set = new(100, 8);

    public static readonly StockDocument Stock = StockDocument.From("SKU-101", [.. StockPlanner.Spread(100, 8).Select((available, shard) => new StockShard("SKU-101", shard, available))]);
}
