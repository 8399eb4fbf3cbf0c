using Cart.Api.Model;

using static DynamoDbStorage.AttributeValues;

namespace Cart.Api.Storage;

/// <summary>Reads the shards of stocked SKUs and sets a SKU's stock and shard count (development administration).</summary>
internal sealed class StockStore(IAmazonDynamoDB dynamoDb, CatalogStore catalog, IOptions<DynamoDbOptions> options, TimeProvider time)
{
    public string TableName => options.Value.TableName(CartTable.LogicalName);

    /// <summary>Every shard of each SKU (shard count as its product says), read strongly, in shard order.</summary>
    public async Task<IReadOnlyDictionary<string, IReadOnlyList<StockShard>>> ShardsAsync(
        IReadOnlyDictionary<string, int> shardCounts, CancellationToken cancellationToken)
    {
        var keys = shardCounts.SelectMany(pair => Enumerable.Range(0, pair.Value).Select(shard => StockKeys.ShardKey(pair.Key, shard)));
        var items = await dynamoDb.BatchGetAllAsync(TableName, keys, consistentRead: true, time, cancellationToken);
        var shards = items.Select(StockWrites.ToShard);

        return shards.GroupBy(shard => shard.Sku, StringComparer.Ordinal)
            .ToDictionary(group => group.Key, IReadOnlyList<StockShard> (group) => group.OrderBy(shard => shard.Shard).ToList(), StringComparer.Ordinal);
    }

    /// <summary>
    /// Sets the SKU's stock to <paramref name="quantity"/> spread over <paramref name="shardCount"/> shards, and the
    /// product's shard count, in one transaction (shards beyond the new count are deleted). Null when there is no such
    /// product. Meant for development: units held by checkouts in flight go back to their shards when released.
    /// </summary>
    public async Task<IReadOnlyList<StockShard>?> SetAsync(string sku, long quantity, int shardCount, string now, CancellationToken cancellationToken)
    {
        var product = await catalog.FindProductAsync(sku, cancellationToken);
        if (product is null)
        {
            return null;
        }

        var spread = StockPlanner.Spread(quantity, shardCount);
        var items = new List<TransactWriteItem>
        {
            new()
            {
                Update = new Update
                {
                    TableName = TableName,
                    Key = CartWrites.Key(CartKeys.ProductPk(sku), CartKeys.Catalog),
                    ConditionExpression = "attribute_exists(#pk)",
                    UpdateExpression = "SET #shards = :shards",
                    ExpressionAttributeNames = new() { ["#pk"] = CartAttributes.PartitionKey, ["#shards"] = CartAttributes.StockShards },
                    ExpressionAttributeValues = new() { [":shards"] = N(shardCount) },
                },
            },
        };
        items.AddRange(spread.Select((available, shard) => new TransactWriteItem
        {
            Put = new Put { TableName = TableName, Item = StockWrites.ShardItem(sku, shard, available, now) },
        }));
        items.AddRange(Enumerable.Range(shardCount, Math.Max(0, (product.StockShards ?? 0) - shardCount)).Select(shard => new TransactWriteItem
        {
            Delete = new Delete { TableName = TableName, Key = StockKeys.ShardKey(sku, shard) },
        }));

        try
        {
            await dynamoDb.TransactWriteItemsAsync(new TransactWriteItemsRequest { TransactItems = items }, cancellationToken);
        }
        catch (TransactionCanceledException exception)
            when (TransactCancellation.From(exception.CancellationReasons, null) is { Kind: CancellationKind.ConditionFailed, ItemIndex: 0 })
        {
            return null;
        }

        return [.. spread.Select((available, shard) => new StockShard(sku, shard, available))];
    }
}
