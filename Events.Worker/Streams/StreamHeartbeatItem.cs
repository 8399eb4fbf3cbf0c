using DynamoDbStreams.Client;

namespace Events.Worker.Streams;

/// <summary>
/// The item <see cref="StreamHeartbeat"/> rewrites in each source table (<see cref="StreamHeartbeatKeys"/>, which the
/// table provisioner also writes first), and how its stream records are told apart from the tables' own: by key, which no
/// other item of either table has.
/// </summary>
public static class StreamHeartbeatItem
{
    public const string PartitionKey = StreamHeartbeatKeys.PartitionKey;

    public const string SortKey = StreamHeartbeatKeys.SortKey;

    /// <summary>When the heartbeat was written, in Unix milliseconds.</summary>
    public const string WrittenAtAttribute = StreamHeartbeatKeys.WrittenAt;

    public static Dictionary<string, AttributeValue> Create(DateTimeOffset writtenAt) => new(StringComparer.Ordinal)
    {
        [KeyAttributes.PartitionKey] = new AttributeValue { S = PartitionKey },
        [KeyAttributes.SortKey] = new AttributeValue { S = SortKey },
        [WrittenAtAttribute] = new AttributeValue { N = writtenAt.ToUnixTimeMilliseconds().ToString(CultureInfo.InvariantCulture) },
    };

    public static bool Is(StreamRecord record)
    {
        ArgumentNullException.ThrowIfNull(record);
        return DynamoJson.String(record.Keys, KeyAttributes.PartitionKey) == PartitionKey;
    }

    /// <summary>When the heartbeat a record carries was written; null for a removal or an image without the time.</summary>
    public static DateTimeOffset? WrittenAt(StreamRecord record)
    {
        ArgumentNullException.ThrowIfNull(record);
        return long.TryParse(DynamoJson.Number(record.NewImage, WrittenAtAttribute), NumberStyles.None, CultureInfo.InvariantCulture, out var milliseconds)
            ? DateTimeOffset.FromUnixTimeMilliseconds(milliseconds)
            : null;
    }
}
