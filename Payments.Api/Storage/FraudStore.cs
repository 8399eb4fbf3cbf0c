using static DynamoDbStorage.AttributeValues;

namespace Payments.Api.Storage;

/// <summary>Writes fraud events to their (possibly sharded) partition; reads scatter over the partitions and gather newest first.</summary>
internal sealed class FraudStore(IAmazonDynamoDB dynamoDb, PaymentsTableName table, FraudShards shards)
{
    public Task RecordAsync(FraudEvent fraudEvent, CancellationToken cancellationToken)
    {
        var put = NewEventPut(fraudEvent);
        return dynamoDb.PutItemAsync(new PutItemRequest
        {
            TableName = put.TableName,
            Item = put.Item,
            ConditionExpression = put.ConditionExpression,
            ExpressionAttributeNames = put.ExpressionAttributeNames,
        }, cancellationToken);
    }

    /// <summary>The same write as one item of a transaction (with the Idempotency-Key's completed record).</summary>
    public TransactWriteItem Append(FraudEvent fraudEvent) => new() { Put = NewEventPut(fraudEvent) };

    /// <summary>
    /// The newest <paramref name="limit"/> events between two instants (inclusive): every partition is queried
    /// newest first for at most <paramref name="limit"/> items in parallel, and the results merged — the newest N
    /// overall are among the newest N of each partition.
    /// </summary>
    public async Task<List<FraudEvent>> LatestAsync(string userId, string fromTimestamp, string toTimestamp, int limit, CancellationToken cancellationToken)
    {
        var (lower, upper) = PaymentKeys.FraudSkRange(fromTimestamp, toTimestamp);
        var pages = await Task.WhenAll(shards.PartitionsOf(userId).Select(partition => dynamoDb.QueryAsync(new QueryRequest
        {
            TableName = table.Value,
            KeyConditionExpression = "#pk = :pk AND #sk BETWEEN :lower AND :upper",
            ExpressionAttributeNames = new() { ["#pk"] = PaymentAttributes.PartitionKey, ["#sk"] = PaymentAttributes.SortKey },
            ExpressionAttributeValues = new() { [":pk"] = S(partition), [":lower"] = S(lower), [":upper"] = S(upper) },
            ScanIndexForward = false,
            Limit = limit,
            ConsistentRead = true,
        }, cancellationToken)));

        // Only the caller's own events: a user id may itself end in "#SHARD#<n>", and so name a hot user's shard as its plain partition.
        return
        [
            .. pages.SelectMany(page => page.Items)
                .Where(item => item.GetString(PaymentAttributes.UserId) == userId)
                .OrderByDescending(item => item.GetString(PaymentAttributes.SortKey), StringComparer.Ordinal)
                .Take(limit)
                .Select(FraudEventItemMapper.FromItem),
        ];
    }

    /// <summary>The Put of a new event in its (possibly sharded) partition; it never overwrites one.</summary>
    private Put NewEventPut(FraudEvent fraudEvent) => new()
    {
        TableName = table.Value,
        Item = FraudEventItemMapper.ToItem(fraudEvent, shards.PartitionFor(fraudEvent.UserId, fraudEvent.EventId)),
        ConditionExpression = "attribute_not_exists(#pk)",
        ExpressionAttributeNames = new() { ["#pk"] = PaymentAttributes.PartitionKey },
    };
}
