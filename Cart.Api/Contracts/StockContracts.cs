using Cart.Api.Model;

namespace Cart.Api.Contracts;

/// <summary>A SKU's stock as the development admin path shows it: the total and each shard.</summary>
internal sealed record StockDocument(string Sku, long Available, IReadOnlyList<ShardDocument> Shards)
{
    public static StockDocument From(string sku, IReadOnlyList<StockShard> shards) =>
        new(sku, shards.Sum(shard => shard.Available), [.. shards.Select(shard => new ShardDocument(shard.Shard, shard.Available))]);
}

internal sealed record ShardDocument(int Shard, long Available);

/// <summary>Body of <c>PUT /admin/stock/{sku}</c>: the units available, spread over this many shards.</summary>
internal sealed record SetStockRequest(long? Quantity, int? Shards);
