using DynamoDbStorage.Paging;
using DynamoDbStorage.Retries;
using DynamoDbStreams.Client;
using DynamoDbStreams.Processing;
using Events.Worker.Telemetry;

namespace Events.Worker.Publishing;

/// <summary>
/// Deletes what a removed cart leaves behind (<see cref="RemovedCartRows"/>): for every cart whose <c>META</c> a
/// batch removes, a strongly consistent Query of its partition, then <c>BatchWriteItem</c> deletes in chunks of 25,
/// unprocessed items sent again (<see cref="BatchWriteRetries"/>). Part of the batch: any failure throws, so the batch
/// is not checkpointed and is delivered again; a redelivery reads what is left and deletes only that (nothing, once
/// done). Its deletes are changes of the table like any other and come back on the stream as line removals.
/// </summary>
internal sealed partial class RemovedCartCascade(IAmazonDynamoDB dynamoDb, WorkerMetrics metrics, TimeProvider time, ILogger<RemovedCartCascade> logger)
{
    /// <summary>Carts of one batch cleaned at the same time (a TTL sweep removes many headers at once).</summary>
    private const int CartsInFlight = 4;

    /// <summary>Cleans the partitions of the carts whose headers <paramref name="records"/> removed; returns the rows deleted.</summary>
    public async Task<int> CleanAsync(
        ShardContext shard, string logicalTable, IEnumerable<StreamRecord> records, CancellationToken cancellationToken)
    {
        var carts = RemovedCartRows.RemovedCarts(logicalTable, records);
        if (carts.Count == 0)
        {
            return 0;
        }

        var deleted = 0;
        await Parallel.ForEachAsync(
            carts,
            new ParallelOptions { MaxDegreeOfParallelism = CartsInFlight, CancellationToken = cancellationToken },
            async (cartId, token) => Interlocked.Add(ref deleted, await CleanCartAsync(shard.TableName, cartId, token)));
        metrics.RemovedCartRowsDeleted(deleted);
        if (deleted > 0)
        {
            LogCascaded(logger, deleted, carts.Count, shard.ShardId);
        }

        return deleted;
    }

    private async Task<int> CleanCartAsync(string tableName, string cartId, CancellationToken cancellationToken)
    {
        var keys = RemovedCartRows.ToDelete(await PartitionAsync(tableName, cartId, cancellationToken));
        foreach (var chunk in keys.Chunk(BatchWriteRetries.ItemsPerRequest))
        {
            await dynamoDb.BatchWriteAllAsync(
                tableName, [.. chunk.Select(key => new WriteRequest { DeleteRequest = new DeleteRequest { Key = key } })], time, cancellationToken);
        }

        return keys.Count;
    }

    /// <summary>Every row of the cart's partition (keys and <c>ttl</c> only), read after the header's removal.</summary>
    private Task<List<Dictionary<string, AttributeValue>>> PartitionAsync(string tableName, string cartId, CancellationToken cancellationToken) =>
        dynamoDb.QueryAllAsync(new QueryRequest
        {
            TableName = tableName,
            ConsistentRead = true,
            KeyConditionExpression = "#pk = :pk",
            ProjectionExpression = "#pk, #sk, #ttl",
            ExpressionAttributeNames = new()
            {
                ["#pk"] = KeyAttributes.PartitionKey, ["#sk"] = KeyAttributes.SortKey, ["#ttl"] = KeyAttributes.TimeToLive,
            },
            ExpressionAttributeValues = new() { [":pk"] = new AttributeValue(CartsTableKeys.CartPrefix + cartId) },
        }, cancellationToken);

    [LoggerMessage(EventId = 41, Level = LogLevel.Information, Message = "Deleted {Rows} rows left by {Carts} removed carts (shard {ShardId})")]
    private static partial void LogCascaded(ILogger logger, int rows, int carts, string shardId);
}
