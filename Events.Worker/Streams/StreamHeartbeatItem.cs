using DynamoDbStreams.Client;

namespace Events.Worker.Streams;

/// <summary>
/// How the stream records of the heartbeat item (<see cref="StreamHeartbeatKeys"/>, written by <see cref="StreamHeartbeat"/>
/// and as a new table's first record by the table provisioner) are told apart from the tables' own: by key, which no
/// other item of either table has.
/// </summary>
public static class StreamHeartbeatItem
{
    public static bool Is(StreamRecord record)
    {
        ArgumentNullException.ThrowIfNull(record);
        return DynamoJson.String(record.Keys, KeyAttributes.PartitionKey) == StreamHeartbeatKeys.PartitionKey;
    }

    /// <summary>When the heartbeat a record carries was written; null for a removal or an image without the time.</summary>
    public static DateTimeOffset? WrittenAt(StreamRecord record)
    {
        ArgumentNullException.ThrowIfNull(record);
        return long.TryParse(DynamoJson.Number(record.NewImage, StreamHeartbeatKeys.WrittenAt), NumberStyles.None, CultureInfo.InvariantCulture, out var milliseconds)
            ? DateTimeOffset.FromUnixTimeMilliseconds(milliseconds)
            : null;
    }
}
