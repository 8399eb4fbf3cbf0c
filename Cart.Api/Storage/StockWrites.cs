using Cart.Api.Model;

using static DynamoDbStorage.AttributeValues;

namespace Cart.Api.Storage;

/// <summary>
/// The transaction items of stock, without I/O. Each change names itself (<c>lastChange</c>, <c>lastCartId</c>) so the
/// events worker can tell a reservation from a release from an administrative set without diffing intent.
/// </summary>
internal static class StockWrites
{
    public const string Reserved = StockChanges.Reserved;
    public const string Released = StockChanges.Released;
    public const string Set = "SET";

    /// <summary>Takes the units from the shard, only if it still holds them: a shard never goes below zero.</summary>
    public static TransactWriteItem Reserve(string tableName, StockTake take, string cartId, string now) => new()
    {
        Update = Change(tableName, take, cartId, now, "#available - :qty", Reserved, "#available >= :qty"),
    };

    /// <summary>
    /// Gives the units back to the shard they came from, unconditionally: a release must never fail, or the checkout
    /// it ends would stay stuck. Should the shard have been removed meanwhile (a development reset to fewer shards),
    /// it is written again whole; the units stay out of sale until the shard count covers it again.
    /// </summary>
    public static TransactWriteItem Release(string tableName, StockTake take, string cartId, string now)
    {
        var update = Change(tableName, take, cartId, now, "if_not_exists(#available, :zero) + :qty", Released, null);
        update.ExpressionAttributeValues[":zero"] = N(0);
        return new TransactWriteItem { Update = update };
    }

    public static Dictionary<string, AttributeValue> ShardItem(string sku, int shard, long available, string now) => new()
    {
        [CartAttributes.PartitionKey] = S(StockKeys.ShardPk(sku, shard)),
        [CartAttributes.SortKey] = S(StockKeys.Shard),
        [CartAttributes.Sku] = S(sku),
        [CartAttributes.Shard] = N(shard),
        [CartAttributes.Available] = N(available),
        [CartAttributes.LastChange] = S(Set),
        [CartAttributes.UpdatedAt] = S(now),
    };

    public static StockShard ToShard(IReadOnlyDictionary<string, AttributeValue> item) => new(
        item.GetString(CartAttributes.Sku), (int)item.GetLong(CartAttributes.Shard), item.GetLong(CartAttributes.Available));

    private static Update Change(string tableName, StockTake take, string cartId, string now, string newValue, string change, string? condition) => new()
    {
        TableName = tableName,
        Key = StockKeys.ShardKey(take.Sku, take.Shard),
        ConditionExpression = condition,
        UpdateExpression = $"SET #available = {newValue}, #sku = :sku, #shard = :shard, #lastChange = :change, #lastCartId = :cartId, #lastQty = :qty, #updatedAt = :now",
        ExpressionAttributeNames = new()
        {
            ["#available"] = CartAttributes.Available,
            ["#sku"] = CartAttributes.Sku,
            ["#shard"] = CartAttributes.Shard,
            ["#lastChange"] = CartAttributes.LastChange,
            ["#lastCartId"] = CartAttributes.LastCartId,
            ["#lastQty"] = CartAttributes.LastQty,
            ["#updatedAt"] = CartAttributes.UpdatedAt,
        },
        ExpressionAttributeValues = new()
        {
            [":qty"] = N(take.Qty),
            [":sku"] = S(take.Sku),
            [":shard"] = N(take.Shard),
            [":change"] = S(change),
            [":cartId"] = S(cartId),
            [":now"] = S(now),
        },
    };
}
