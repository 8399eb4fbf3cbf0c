namespace DynamoDbStorage.Retries;

/// <summary>
/// Runs a <c>BatchWriteItem</c> to completion, for every service: items DynamoDB leaves in <c>UnprocessedItems</c> (it
/// throttled part of the batch) are sent again as <see cref="BatchThrottling"/> says.
/// </summary>
public static class BatchWriteRetries
{
    /// <summary>The items DynamoDB takes in one <c>BatchWriteItem</c>.</summary>
    public const int ItemsPerRequest = 25;

    /// <summary>
    /// Writes <paramref name="requests"/> (at most <see cref="ItemsPerRequest"/>) to <paramref name="tableName"/>, the
    /// pauses measured on <paramref name="time"/>. Throws <see cref="ProvisionedThroughputExceededException"/> when
    /// DynamoDB still leaves items unprocessed after <see cref="BatchThrottling.Policy"/>'s last attempt.
    /// </summary>
    public static Task BatchWriteAllAsync(
        this IAmazonDynamoDB dynamoDb, string tableName, IReadOnlyList<WriteRequest> requests, TimeProvider time, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfGreaterThan(requests.Count, ItemsPerRequest);
        return BatchThrottling.UntilProcessedAsync("BatchWriteItem", tableName, requests, async pending =>
        {
            var response = await dynamoDb.BatchWriteItemAsync(
                new BatchWriteItemRequest { RequestItems = new() { [tableName] = [.. pending] } }, cancellationToken);
            return response.UnprocessedItems?.GetValueOrDefault(tableName) ?? [];
        }, time, cancellationToken);
    }
}
