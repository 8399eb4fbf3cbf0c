using Cart.Api.Model;
using Cart.Api.Storage;
using static DynamoDbStorage.AttributeValues;

namespace Cart.Api.Catalog;

/// <summary>
/// Gives seeded products their stock, idempotently: per SKU one transaction sets the product's shard count and puts its
/// shards, on condition that the product exists and its stock is not tracked yet — so a restart, a second replica
/// seeding at the same time, or stock an administrator set (or sold) since, is never overwritten.
/// </summary>
internal sealed class StockSeeding(IAmazonDynamoDB dynamoDb, CatalogStore catalog, IOptions<DynamoDbOptions> options)
{
    private const int TransactionsInFlight = 8;

    public string TableName => options.Value.TableName(CartTable.LogicalName);

    /// <returns>How many SKUs this call stocked (0 once the seed's last SKU is stocked: a cheap check on every later start).</returns>
    public async Task<int> SeedAsync(IReadOnlyList<SeedStock> plan, string now, CancellationToken cancellationToken)
    {
        if (plan.Count == 0 || (await catalog.FindProductAsync(plan[^1].Sku, cancellationToken))?.StockShards is not null)
        {
            return 0;
        }

        var stocked = 0;
        await Parallel.ForEachAsync(plan.SkipLast(1), new ParallelOptions { MaxDegreeOfParallelism = TransactionsInFlight, CancellationToken = cancellationToken }, async (stock, token) =>
        {
            if (await StockAsync(stock, now, token))
            {
                Interlocked.Increment(ref stocked);
            }
        });

        // The last SKU last: it is what later starts check, so it is stocked only once every other one is.
        return stocked + (await StockAsync(plan[^1], now, cancellationToken) ? 1 : 0);
    }

    private async Task<bool> StockAsync(SeedStock stock, string now, CancellationToken cancellationToken)
    {
        var items = new List<TransactWriteItem>
        {
            new()
            {
                Update = new Update
                {
                    TableName = TableName,
                    Key = CartWrites.Key(CartKeys.ProductPk(stock.Sku), CartKeys.Catalog),
                    ConditionExpression = "attribute_exists(#pk) AND attribute_not_exists(#shards)",
                    UpdateExpression = "SET #shards = :shards",
                    ExpressionAttributeNames = new() { ["#pk"] = CartAttributes.PartitionKey, ["#shards"] = CartAttributes.StockShards },
                    ExpressionAttributeValues = new() { [":shards"] = N(stock.Shards) },
                },
            },
        };
        items.AddRange(StockPlanner.Spread(stock.Quantity, stock.Shards).Select((available, shard) => new TransactWriteItem
        {
            Put = new Put
            {
                TableName = TableName,
                Item = StockWrites.ShardItem(stock.Sku, shard, available, now),
                ConditionExpression = "attribute_not_exists(#pk)",
                ExpressionAttributeNames = new() { ["#pk"] = CartAttributes.PartitionKey },
            },
        }));

        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await dynamoDb.TransactWriteItemsAsync(new TransactWriteItemsRequest { TransactItems = items }, cancellationToken);
                return true;
            }
            catch (TransactionCanceledException exception)
            {
                if (attempt == 5 || TransactCancellation.From(exception.CancellationReasons, null).Kind == CancellationKind.ConditionFailed)
                {
                    return false; // stocked already (by another replica, an earlier start, or an administrator), or DynamoDB kept refusing
                }

                await Task.Delay(TimeSpan.FromMilliseconds(50 * attempt), cancellationToken); // a conflict with the other replica's seed, or throttling
            }
        }
    }
}
