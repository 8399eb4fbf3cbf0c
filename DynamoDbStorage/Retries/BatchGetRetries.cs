namespace DynamoDbStorage.Retries;

/// <summary>
/// Runs a <c>BatchGetItem</c> to completion, for every service: keys DynamoDB leaves in <c>UnprocessedKeys</c> (it
/// throttled part of the batch, or its answer reached 16 MB) are asked again as <see cref="BatchThrottling"/> says, so a
/// caller never reads keys it did not get as items that do not exist.
/// </summary>
public static class BatchGetRetries
{
    /// <summary>The keys DynamoDB takes in one <c>BatchGetItem</c>.</summary>
    public const int KeysPerRequest = 100;

    /// <summary>
    /// Every item of <paramref name="tableName"/> among <paramref name="keys"/> (absent ones are simply missing), asked
    /// <see cref="KeysPerRequest"/> at a time, strongly when <paramref name="consistentRead"/>, with the pauses measured on
    /// <paramref name="time"/>. Throws <see cref="ProvisionedThroughputExceededException"/> when DynamoDB still leaves
    /// keys unprocessed after <see cref="BatchThrottling.Policy"/>'s last attempt.
    /// </summary>
    public static async Task<List<Dictionary<string, AttributeValue>>> BatchGetAllAsync(
        this IAmazonDynamoDB dynamoDb,
        string tableName,
        IEnumerable<Dictionary<string, AttributeValue>> keys,
        bool consistentRead,
        TimeProvider time,
        CancellationToken cancellationToken)
    {
        var found = new List<Dictionary<string, AttributeValue>>();
        foreach (var chunk in keys.Chunk(KeysPerRequest))
        {
            await BatchThrottling.UntilProcessedAsync("BatchGetItem", tableName, chunk, async pending =>
            {
                var response = await dynamoDb.BatchGetItemAsync(new BatchGetItemRequest
                {
                    RequestItems = new() { [tableName] = new KeysAndAttributes { ConsistentRead = consistentRead, Keys = [.. pending] } },
                }, cancellationToken);
                found.AddRange(response.Responses?.GetValueOrDefault(tableName) ?? []);
                return response.UnprocessedKeys?.GetValueOrDefault(tableName)?.Keys ?? [];
            }, time, cancellationToken);
        }

        return found;
    }
}
