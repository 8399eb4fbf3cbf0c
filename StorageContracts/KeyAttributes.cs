namespace StorageContracts;

/// <summary>The key attribute names every platform table is created with and every item is written with.</summary>
public static class KeyAttributes
{
    public const string PartitionKey = "PK";
    public const string SortKey = "SK";
    public const string TimeToLive = "ttl";

    public const string Gsi1PartitionKey = "GSI1PK";
    public const string Gsi1SortKey = "GSI1SK";
    public const string Gsi2PartitionKey = "GSI2PK";
    public const string Gsi2SortKey = "GSI2SK";
    public const string Gsi3PartitionKey = "GSI3PK";
    public const string Gsi3SortKey = "GSI3SK";

    /// <summary>The lease table's only key (one item per shard lease).</summary>
    public const string LeaseKey = "leaseKey";
}
