namespace DynamoDbStorage.Tables;

/// <summary>
/// The platform's three tables, defined once: the services register them (local provisioning in Development and
/// the ACTIVE health check) and the CDK app in <c>deploy/</c> builds the production tables from them, so the two
/// cannot drift. Names are logical; <see cref="DynamoDbOptions.TableName"/> maps them to physical names.
/// </summary>
public static class PlatformTables
{
    public const string CartsName = TableNames.Carts;
    public const string PaymentsName = TableNames.Payments;
    public const string EventsLeasesName = TableNames.EventsLeases;

    /// <summary>Payments' GSI1: a transaction by its id.</summary>
    public const string TransactionsById = "GSI1";

    /// <summary>Payments' GSI2: a user's accounts.</summary>
    public const string AccountsByUser = "GSI2";

    /// <summary>Payments' GSI3: a merchant's transactions.</summary>
    public const string TransactionsByMerchant = "GSI3";

    /// <summary>
    /// Carts' GSI1, sparse: only products carry its keys (<c>CATEGORY#&lt;c&gt;</c>, <c>&lt;zero-padded price&gt;#&lt;sku&gt;</c>),
    /// so a category's products come back sorted by price without a Scan.
    /// </summary>
    public const string ProductsByCategory = "GSI1";

    /// <summary>
    /// The <c>carts</c> single table: string PK/SK, GSI1 products by category and price (projection ALL), streams with
    /// both images, TTL on <c>ttl</c>.
    /// </summary>
    public static TableDefinition Carts { get; } = new(CartsName, PlatformTableKeys.PartitionKey, PlatformTableKeys.SortKey)
    {
        GlobalIndexes = [new(ProductsByCategory, PlatformTableKeys.Gsi1PartitionKey, PlatformTableKeys.Gsi1SortKey)],
        TimeToLiveAttribute = PlatformTableKeys.TimeToLive,
    };

    /// <summary>
    /// The <c>payments</c> single table: GSI1 transaction by id, GSI2 accounts by user, GSI3 transactions by
    /// merchant (all projection ALL), streams with both images, TTL on <c>ttl</c>.
    /// </summary>
    public static TableDefinition Payments { get; } = new(PaymentsName, PlatformTableKeys.PartitionKey, PlatformTableKeys.SortKey)
    {
        GlobalIndexes =
        [
            new(TransactionsById, PlatformTableKeys.Gsi1PartitionKey, PlatformTableKeys.Gsi1SortKey),
            new(AccountsByUser, PlatformTableKeys.Gsi2PartitionKey, PlatformTableKeys.Gsi2SortKey),
            new(TransactionsByMerchant, PlatformTableKeys.Gsi3PartitionKey, PlatformTableKeys.Gsi3SortKey),
        ],
        TimeToLiveAttribute = PlatformTableKeys.TimeToLive,
    };

    /// <summary>The events worker's shard leases and checkpoints: one string key, no stream, no TTL.</summary>
    public static TableDefinition EventsLeases { get; } = new(EventsLeasesName, PlatformTableKeys.LeaseKey)
    {
        StreamViewType = null,
    };

    /// <summary>Every table, in the order the stack declares them.</summary>
    public static IReadOnlyList<TableDefinition> All { get; } = [Carts, Payments, EventsLeases];
}
