namespace DynamoDbStorage.Tables;

/// <summary>
/// The key attribute names of the platform's tables (<see cref="PlatformTables"/>), as constants the services' own
/// attribute lists are built from, so a key the code writes is the key the table was created with.
/// </summary>
public static class PlatformTableKeys
{
    public const string PartitionKey = KeyAttributes.PartitionKey;
    public const string SortKey = KeyAttributes.SortKey;
    public const string TimeToLive = KeyAttributes.TimeToLive;

    public const string Gsi1PartitionKey = KeyAttributes.Gsi1PartitionKey;
    public const string Gsi1SortKey = KeyAttributes.Gsi1SortKey;
    public const string Gsi2PartitionKey = KeyAttributes.Gsi2PartitionKey;
    public const string Gsi2SortKey = KeyAttributes.Gsi2SortKey;
    public const string Gsi3PartitionKey = KeyAttributes.Gsi3PartitionKey;
    public const string Gsi3SortKey = KeyAttributes.Gsi3SortKey;

    /// <summary>The lease table's only key (one item per shard lease).</summary>
    public const string LeaseKey = KeyAttributes.LeaseKey;
}
