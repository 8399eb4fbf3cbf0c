using Amazon.CDK.AWS.DynamoDB;
using Attribute = Amazon.CDK.AWS.DynamoDB.Attribute;

namespace Deploy;

/// <summary>
/// The three DynamoDB tables, built from <see cref="PlatformTables"/> — the definitions the services register — so the
/// stack cannot drift from the code: on-demand, PITR, deletion protection, TTL, streams, AWS-managed KMS encryption and,
/// when replica regions are given, global-table replicas.
/// </summary>
internal sealed class DataTables : Construct
{
    public DataTables(Construct scope, string id, PlatformSettings settings) : base(scope, id)
    {
        foreach (var definition in PlatformTables.All)
        {
            var physicalName = $"{settings.EnvironmentName}-{definition.Name}";
            Tables[definition.Name] = new TableV2(this, definition.Name, ToProps(definition, physicalName, settings.ReplicaRegions));
        }
    }

    /// <summary>The deployed table per logical name (<c>carts</c>, <c>payments</c>, <c>events-leases</c>).</summary>
    public Dictionary<string, TableV2> Tables { get; } = new(StringComparer.Ordinal);

    public TableV2 Carts => Tables[PlatformTables.CartsName];

    public TableV2 Payments => Tables[PlatformTables.PaymentsName];

    public TableV2 EventsLeases => Tables[PlatformTables.EventsLeasesName];

    /// <summary>The table's properties from its definition (string keys, projection ALL, as locally).</summary>
    public static TablePropsV2 ToProps(TableDefinition definition, string physicalName, IReadOnlyList<string> replicaRegions) => new()
    {
        TableName = physicalName,
        PartitionKey = StringKey(definition.PartitionKey),
        SortKey = definition.SortKey is null ? null : StringKey(definition.SortKey),
        GlobalSecondaryIndexes = [.. definition.GlobalIndexes.Select(index => new GlobalSecondaryIndexPropsV2
        {
            IndexName = index.Name,
            PartitionKey = StringKey(index.PartitionKey),
            SortKey = index.SortKey is null ? null : StringKey(index.SortKey),
            ProjectionType = ProjectionType.ALL,
        })],
        Billing = Billing.OnDemand(),
        PointInTimeRecovery = true,
        DeletionProtection = true,
        RemovalPolicy = RemovalPolicy.RETAIN,
        Encryption = TableEncryptionV2.AwsManagedKey(),
        TimeToLiveAttribute = definition.TimeToLiveAttribute,

        DynamoStream = definition.StreamViewType is { } view ? Enum.Parse<StreamViewType>(view.Value, ignoreCase: false) : null,

        // Only the streamed (business) tables become global tables; the leases are per region, as each region's worker
        // reads its own region's streams. Payments replicas are for reads and failover: the ledger stays
        // single-region-authoritative (README "Deploying").
        Replicas = replicaRegions.Count == 0 || definition.StreamViewType is null
            ? null
            : [.. replicaRegions.Select(region => new ReplicaTableProps { Region = region })],
    };

    private static Attribute StringKey(string name) => new() { Name = name, Type = AttributeType.STRING };
}
