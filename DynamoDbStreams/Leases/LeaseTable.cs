namespace DynamoDbStreams.Leases;

/// <summary>
/// The lease items in DynamoDB. Every write is conditional: creation only if absent, taking only if the counter is
/// the one observed, renewing/checkpointing/releasing only if this worker still owns it at the counter it holds.
/// A failed condition surfaces as <see cref="LeaseLostException"/> (or false for creation and taking).
/// </summary>
public sealed class LeaseTable(IAmazonDynamoDB dynamoDb, string tableName, TimeProvider time)
{
    public string TableName { get; } = tableName;

    /// <summary>The partition key the lease table is created with.</summary>
    public const string KeyAttribute = LeaseAttributes.LeaseKey;

    public async Task<IReadOnlyList<Lease>> ListAsync(CancellationToken cancellationToken)
    {
        var leases = new List<Lease>();
        Dictionary<string, AttributeValue>? start = null;
        do
        {
            var page = await dynamoDb.ScanAsync(new ScanRequest { TableName = TableName, ConsistentRead = true, ExclusiveStartKey = start }, cancellationToken);
            leases.AddRange(page.Items.Select(FromItem));
            start = page.LastEvaluatedKey is { Count: > 0 } key ? key : null;
        }
        while (start is not null);

        return leases;
    }

    /// <summary>Creates the lease of a newly discovered shard; false when it already exists.</summary>
    public async Task<bool> CreateAsync(string streamArn, ShardDescription shard, CancellationToken cancellationToken)
    {
        var item = new Dictionary<string, AttributeValue>
        {
            [LeaseAttributes.LeaseKey] = S(Lease.KeyOf(streamArn, shard.ShardId)),
            [LeaseAttributes.StreamArn] = S(streamArn),
            [LeaseAttributes.ShardId] = S(shard.ShardId),
            [LeaseAttributes.Counter] = N(0),
            [LeaseAttributes.Checkpoint] = S(Checkpoints.TrimHorizon),
            [LeaseAttributes.UpdatedAt] = S(Now()),
        };
        if (shard.ParentShardId is not null)
        {
            item[LeaseAttributes.ParentShardId] = S(shard.ParentShardId);
        }

        try
        {
            await dynamoDb.PutItemAsync(new PutItemRequest
            {
                TableName = TableName,
                Item = item,
                ConditionExpression = "attribute_not_exists(#key)",
                ExpressionAttributeNames = new() { ["#key"] = LeaseAttributes.LeaseKey },
            }, cancellationToken);
            return true;
        }
        catch (ConditionalCheckFailedException)
        {
            return false;
        }
    }

    /// <summary>Takes a free or expired lease, if its counter is still the observed one; null when someone else moved first.</summary>
    public async Task<Lease?> TakeAsync(Lease observed, string workerId, CancellationToken cancellationToken)
    {
        try
        {
            return await UpdateAsync(observed,
                "SET #owner = :me, #counter = :next, #updated = :now REMOVE #pending",
                "#counter = :held",
                new() { [":me"] = S(workerId) },
                cancellationToken);
        }
        catch (LeaseLostException)
        {
            return null;
        }
    }

    /// <summary>Proves this worker is alive: bumps the counter. Returns the lease as stored (a pending owner shows a handoff request).</summary>
    public Task<Lease> RenewAsync(Lease held, CancellationToken cancellationToken) =>
        UpdateAsync(held, "SET #counter = :next, #updated = :now", OwnedCondition, new() { [":me"] = S(held.Owner!) }, cancellationToken);

    /// <summary>Records progress; only the holder can, and it renews the lease at the same time.</summary>
    public Task<Lease> CheckpointAsync(Lease held, string checkpoint, CancellationToken cancellationToken) =>
        UpdateAsync(held, "SET #checkpoint = :checkpoint, #counter = :next, #updated = :now", OwnedCondition,
            new() { [":me"] = S(held.Owner!), [":checkpoint"] = S(checkpoint) }, cancellationToken);

    /// <summary>Gives the lease up: to the worker that asked for it, or to nobody (shutdown).</summary>
    public Task<Lease> ReleaseAsync(Lease held, string? handTo, CancellationToken cancellationToken) => handTo is null
        ? UpdateAsync(held, "SET #counter = :next, #updated = :now REMOVE #owner, #pending", OwnedCondition,
            new() { [":me"] = S(held.Owner!) }, cancellationToken)
        : UpdateAsync(held, "SET #owner = :to, #counter = :next, #updated = :now REMOVE #pending", OwnedCondition,
            new() { [":me"] = S(held.Owner!), [":to"] = S(handTo) }, cancellationToken);

    /// <summary>Asks the current holder to hand the lease over at its next renewal; false if the lease changed hands meanwhile.</summary>
    public async Task<bool> RequestHandoffAsync(Lease observed, string workerId, CancellationToken cancellationToken)
    {
        try
        {
            await dynamoDb.UpdateItemAsync(new UpdateItemRequest
            {
                TableName = TableName,
                Key = KeyOf(observed),
                UpdateExpression = "SET #pending = :me",
                ConditionExpression = "#owner = :owner AND attribute_not_exists(#pending)",
                ExpressionAttributeNames = new() { ["#pending"] = LeaseAttributes.PendingOwner, ["#owner"] = LeaseAttributes.Owner },
                ExpressionAttributeValues = new() { [":me"] = S(workerId), [":owner"] = S(observed.Owner!) },
            }, cancellationToken);
            return true;
        }
        catch (ConditionalCheckFailedException)
        {
            return false;
        }
    }

    /// <summary>Retires the lease of a finished shard that the stream no longer lists.</summary>
    public async Task DeleteFinishedAsync(Lease lease, CancellationToken cancellationToken)
    {
        try
        {
            await dynamoDb.DeleteItemAsync(new DeleteItemRequest
            {
                TableName = TableName,
                Key = KeyOf(lease),
                ConditionExpression = "#checkpoint = :end",
                ExpressionAttributeNames = new() { ["#checkpoint"] = LeaseAttributes.Checkpoint },
                ExpressionAttributeValues = new() { [":end"] = S(Checkpoints.ShardEnd) },
            }, cancellationToken);
        }
        catch (ConditionalCheckFailedException)
        {
            // Not finished after all (or already gone): keep it.
        }
    }

    /// <summary>
    /// Deletes a lease only if no write changed it since it was observed: every renewal, checkpoint, take and release
    /// bumps the counter, so a live holder's lease is never deleted under it. False when one did, or when another
    /// worker deleted it first.
    /// </summary>
    public async Task<bool> DeleteUnchangedAsync(Lease observed, CancellationToken cancellationToken)
    {
        try
        {
            await dynamoDb.DeleteItemAsync(new DeleteItemRequest
            {
                TableName = TableName,
                Key = KeyOf(observed),
                ConditionExpression = "#counter = :held",
                ExpressionAttributeNames = new() { ["#counter"] = LeaseAttributes.Counter },
                ExpressionAttributeValues = new() { [":held"] = N(observed.Counter) },
            }, cancellationToken);
            return true;
        }
        catch (ConditionalCheckFailedException)
        {
            return false;
        }
    }

    private const string OwnedCondition = "#owner = :me AND #counter = :held";

    private async Task<Lease> UpdateAsync(
        Lease lease, string update, string condition, Dictionary<string, AttributeValue> values, CancellationToken cancellationToken)
    {
        values[":held"] = N(lease.Counter);
        values[":next"] = N(lease.Counter + 1);
        values[":now"] = S(Now());
        var names = new Dictionary<string, string>
        {
            ["#owner"] = LeaseAttributes.Owner,
            ["#counter"] = LeaseAttributes.Counter,
            ["#updated"] = LeaseAttributes.UpdatedAt,
            ["#pending"] = LeaseAttributes.PendingOwner,
            ["#checkpoint"] = LeaseAttributes.Checkpoint,
        };
        var text = update + " " + condition;
        try
        {
            var response = await dynamoDb.UpdateItemAsync(new UpdateItemRequest
            {
                TableName = TableName,
                Key = KeyOf(lease),
                UpdateExpression = update,
                ConditionExpression = condition,
                ExpressionAttributeNames = names.Where(n => text.Contains(n.Key, StringComparison.Ordinal)).ToDictionary(),
                ExpressionAttributeValues = values.Where(v => text.Contains(v.Key, StringComparison.Ordinal)).ToDictionary(),
                ReturnValues = ReturnValue.ALL_NEW,
            }, cancellationToken);
            return FromItem(response.Attributes);
        }
        catch (ConditionalCheckFailedException)
        {
            throw new LeaseLostException(lease.LeaseKey);
        }
    }

    private string Now() => time.GetUtcNow().UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);

    private static Dictionary<string, AttributeValue> KeyOf(Lease lease) => new() { [LeaseAttributes.LeaseKey] = S(lease.LeaseKey) };

    private static AttributeValue S(string value) => new() { S = value };

    private static AttributeValue N(long value) => new() { N = value.ToString(CultureInfo.InvariantCulture) };

    internal static Lease FromItem(Dictionary<string, AttributeValue> item) => new(
        item[LeaseAttributes.LeaseKey].S,
        item[LeaseAttributes.StreamArn].S,
        item[LeaseAttributes.ShardId].S,
        item.TryGetValue(LeaseAttributes.ParentShardId, out var parent) ? parent.S : null,
        item.TryGetValue(LeaseAttributes.Owner, out var owner) ? owner.S : null,
        long.Parse(item[LeaseAttributes.Counter].N, CultureInfo.InvariantCulture),
        item[LeaseAttributes.Checkpoint].S,
        item.TryGetValue(LeaseAttributes.PendingOwner, out var pending) ? pending.S : null);
}
