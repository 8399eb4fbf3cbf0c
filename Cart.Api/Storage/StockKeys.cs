namespace Cart.Api.Storage;

/// <summary>
/// A SKU's stock in the <c>carts</c> table: one item per shard, <c>STOCK#&lt;sku&gt;#&lt;nn&gt;</c>, each in a partition
/// of its own, so a hot SKU's writes spread over as many partitions as it has shards (write sharding).
/// </summary>
internal static class StockKeys
{
    private const string StockPrefix = CartsTableKeys.StockPrefix;

    /// <summary>The sort key of every shard item.</summary>
    public const string Shard = CartsTableKeys.StockShard;

    /// <summary>The most shards a SKU may have (two digits in the key; a checkout touches at most a few of them).</summary>
    public const int MaxShards = 32;

    /// <summary>The most units one SKU can be stocked with (an administrator's or the seed's).</summary>
    public const long MaxQuantity = 1_000_000_000;

    public static string ShardPk(string sku, int shard) => $"{StockPrefix}{sku}#{shard.ToString("00", CultureInfo.InvariantCulture)}";

    public static Dictionary<string, AttributeValue> ShardKey(string sku, int shard) => CartWrites.Key(ShardPk(sku, shard), Shard);
}
