namespace DynamoDbStorage.Tables;

/// <summary>
/// The stream heartbeat item (<see cref="StreamHeartbeatKeys"/>) as written to a table with the given key attributes: by
/// the table provisioner as a new table's first record, and by the events worker at its heartbeat interval.
/// </summary>
public static class StreamHeartbeatItems
{
    public static Dictionary<string, AttributeValue> Create(string partitionKeyAttribute, string? sortKeyAttribute, DateTimeOffset writtenAt)
    {
        var item = new Dictionary<string, AttributeValue>(StringComparer.Ordinal)
        {
            [partitionKeyAttribute] = new AttributeValue { S = StreamHeartbeatKeys.PartitionKey },
            [StreamHeartbeatKeys.WrittenAt] = new AttributeValue { N = writtenAt.ToUnixTimeMilliseconds().ToString(CultureInfo.InvariantCulture) },
        };
        if (sortKeyAttribute is not null)
        {
            item[sortKeyAttribute] = new AttributeValue { S = StreamHeartbeatKeys.SortKey };
        }

        return item;
    }
}
