namespace DynamoDbStreams.Leases;

/// <summary>
/// The lease of one shard (the KCL model): who holds it, a counter every holder write bumps (so others can see
/// it is alive), how far it has been processed, and its parent (a child is processed only after its parent).
/// </summary>
public sealed record Lease(
    string LeaseKey,
    string StreamArn,
    string ShardId,
    string? ParentShardId,
    string? Owner,
    long Counter,
    string Checkpoint,
    string? PendingOwner = null)
{
    /// <summary>The shard has been read to its end and checkpointed there.</summary>
    public bool IsFinished => Checkpoint == Checkpoints.ShardEnd;

    /// <summary>The lease key of a shard: the stream and the shard, so two tables never collide.</summary>
    public static string KeyOf(string streamArn, string shardId) => $"{streamArn}|{shardId}";
}

/// <summary>The special checkpoint values (any other value is a sequence number).</summary>
public static class Checkpoints
{
    public const string TrimHorizon = "TRIM_HORIZON";
    public const string ShardEnd = "SHARD_END";
}
