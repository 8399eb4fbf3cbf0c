namespace DynamoDbStorage.Retries;

/// <summary>
/// Runs a <c>BatchGetItem</c> to completion, for every service. DynamoDB leaves keys unprocessed when it throttles part of
/// a batch (or its answer reaches 16 MB) and says so only in <c>UnprocessedKeys</c>, not with an error: those keys are
/// asked again after the throttling pauses of <see cref="Policy"/>, and keys still unprocessed after its last attempt end
/// the read with a <see cref="ProvisionedThroughputExceededException"/> — a 503 with <c>Retry-After</c> like any other
/// throttling — never with a silent partial result, which callers would read as items that do not exist.
/// </summary>
public static class BatchGetRetries
{
    /// <summary>The keys DynamoDB takes in one <c>BatchGetItem</c>.</summary>
    public const int KeysPerRequest = 100;

    /// <summary>
    /// At most five attempts per request, with the transactions' throttling pauses between them (full jitter under a
    /// ceiling of 100 ms doubling to 1 s): at most 1.5 s of pauses before the caller is told DynamoDB is busy.
    /// </summary>
    public static readonly RetryPolicy Policy = TransactionRetries.UpTo(5);

    /// <summary>
    /// Every item of <paramref name="tableName"/> among <paramref name="keys"/> (absent ones are simply missing), asked
    /// <see cref="KeysPerRequest"/> at a time, strongly when <paramref name="consistentRead"/>, with the pauses measured on
    /// <paramref name="time"/>. Throws <see cref="ProvisionedThroughputExceededException"/> when DynamoDB still leaves
    /// keys unprocessed after the <see cref="Policy"/>'s last attempt.
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
            var run = Policy.Start(time);
            var pending = new KeysAndAttributes { ConsistentRead = consistentRead, Keys = [.. chunk] };
            for (var attempt = 1; ; attempt++)
            {
                var response = await dynamoDb.BatchGetItemAsync(
                    new BatchGetItemRequest { RequestItems = new() { [tableName] = pending } }, cancellationToken);
                found.AddRange(response.Responses?.GetValueOrDefault(tableName) ?? []);
                if (response.UnprocessedKeys?.GetValueOrDefault(tableName) is not { Keys.Count: > 0 } unprocessed)
                {
                    break;
                }

                if (!run.MayRetryAfter(attempt))
                {
                    throw BatchThrottling.LeftUnprocessed("BatchGetItem", tableName, unprocessed.Keys.Count, attempt);
                }

                pending = new KeysAndAttributes { ConsistentRead = consistentRead, Keys = unprocessed.Keys };
                await run.PauseAsync(attempt, throttled: true, cancellationToken);
            }
        }

        return found;
    }
}
