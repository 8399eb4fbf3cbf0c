namespace DynamoDbStreams.Leases;

/// <summary>Attribute names of the lease table's items.</summary>
internal static class LeaseAttributes
{
    public const string LeaseKey = "leaseKey";
    public const string StreamArn = "streamArn";
    public const string ShardId = "shardId";
    public const string ParentShardId = "parentShardId";
    public const string Owner = "leaseOwner";
    public const string Counter = "leaseCounter";
    public const string Checkpoint = "checkpoint";
    public const string PendingOwner = "pendingOwner";
    public const string UpdatedAt = "updatedAt";
}
