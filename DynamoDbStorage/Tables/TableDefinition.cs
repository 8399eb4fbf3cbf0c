namespace DynamoDbStorage.Tables;

/// <summary>
/// What a service's table looks like: string keys, global indexes (projection ALL), streams and TTL.
/// <see cref="Name"/> is the logical name; <see cref="DynamoDbOptions.TableName"/> gives the physical one.
/// </summary>
public sealed record TableDefinition(string Name, string PartitionKey, string? SortKey = null)
{
    public IReadOnlyList<GlobalIndexDefinition> GlobalIndexes { get; init; } = [];

    /// <summary>The stream view; <c>null</c> leaves streams off.</summary>
    public StreamViewType? StreamViewType { get; init; } = StreamViewType.NEW_AND_OLD_IMAGES;

    /// <summary>The epoch-seconds attribute DynamoDB's TTL deletes on; <c>null</c> leaves TTL off.</summary>
    public string? TimeToLiveAttribute { get; init; }

    /// <summary>The on-demand <c>CreateTable</c> request for this definition under a physical name.</summary>
    public CreateTableRequest ToCreateTableRequest(string tableName)
    {
        var keyAttributes = new[] { PartitionKey, SortKey }
            .Concat(GlobalIndexes.SelectMany(index => new[] { index.PartitionKey, index.SortKey }))
            .OfType<string>()
            .Distinct(StringComparer.Ordinal);

        var request = new CreateTableRequest
        {
            TableName = tableName,
            BillingMode = BillingMode.PAY_PER_REQUEST,
            AttributeDefinitions = [.. keyAttributes.Select(name => new AttributeDefinition(name, ScalarAttributeType.S))],
            KeySchema = KeySchema(PartitionKey, SortKey),
        };

        if (GlobalIndexes.Count > 0)
        {
            request.GlobalSecondaryIndexes = [.. GlobalIndexes.Select(index => new GlobalSecondaryIndex
            {
                IndexName = index.Name,
                KeySchema = KeySchema(index.PartitionKey, index.SortKey),
                Projection = new Projection { ProjectionType = ProjectionType.ALL },
            })];
        }

        if (StreamViewType is not null)
        {
            request.StreamSpecification = new StreamSpecification { StreamEnabled = true, StreamViewType = StreamViewType };
        }

        return request;
    }

    private static List<KeySchemaElement> KeySchema(string partitionKey, string? sortKey) => sortKey is null
        ? [new KeySchemaElement(partitionKey, KeyType.HASH)]
        : [new KeySchemaElement(partitionKey, KeyType.HASH), new KeySchemaElement(sortKey, KeyType.RANGE)];
}

/// <summary>A global secondary index with string keys and projection ALL.</summary>
public sealed record GlobalIndexDefinition(string Name, string PartitionKey, string? SortKey = null);
