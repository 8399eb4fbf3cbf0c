namespace Cart.Api.Model;

/// <summary>Units of a SKU taken from one of its shards for a checkout (returned to that shard if the checkout fails).</summary>
internal sealed record StockTake(string Sku, int Shard, int Qty);

/// <summary>What one shard holds.</summary>
internal sealed record StockShard(string Sku, int Shard, long Available);
