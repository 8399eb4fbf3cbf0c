namespace DynamoDbStorage.Retries;

/// <summary>
/// Runs a <c>BatchWriteItem</c> to completion, for every service. DynamoDB leaves items unprocessed when it throttles
/// part of a batch and says so only in <c>UnprocessedItems</c>: those are sent again after the throttling pauses of
/// <see cref="BatchGetRetries.Policy"/>, and items still unprocessed after its last attempt end the write with a
/// <see cref="ProvisionedThroughputExceededException"/>, which callers treat as transient (<see cref="DynamoDbFailures"/>).
/// </summary>
public static class BatchWriteRetries
{
    /// <summary>The items DynamoDB takes in one <c>BatchWriteItem</c>.</summary>
    public const int ItemsPerRequest = 25;

    /// <summary>
    /// Writes <paramref name="requests"/> (at most <see cref="ItemsPerRequest"/>) to <paramref name="tableName"/>, the
    /// pauses measured on <paramref name="time"/>. Throws <see cref="ProvisionedThroughputExceededException"/> when
    /// DynamoDB still leaves items unprocessed after the policy's last attempt.
    /// </summary>
    public static async Task BatchWriteAllAsync(
        this IAmazonDynamoDB dynamoDb, string tableName, IReadOnlyList<WriteRequest> requests, TimeProvider time, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfGreaterThan(requests.Count, ItemsPerRequest);
        var run = BatchGetRetries.Policy.Start(time);
        var pending = requests.ToList();
        for (var attempt = 1; pending.Count > 0; attempt++)
        {
            var response = await dynamoDb.BatchWriteItemAsync(
                new BatchWriteItemRequest { RequestItems = new() { [tableName] = pending } }, cancellationToken);
            pending = response.UnprocessedItems?.GetValueOrDefault(tableName) ?? [];
            if (pending.Count == 0)
            {
                return;
            }

            if (!run.MayRetryAfter(attempt))
            {
                throw BatchThrottling.LeftUnprocessed("BatchWriteItem", tableName, pending.Count, attempt);
            }

            await run.PauseAsync(attempt, throttled: true, cancellationToken);
        }
    }
}
