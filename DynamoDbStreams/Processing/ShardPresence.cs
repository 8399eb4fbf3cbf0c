namespace DynamoDbStreams.Processing;

/// <summary>What <c>DescribeStream</c> says of a shard the Streams API answered <c>ResourceNotFoundException</c> for.</summary>
internal enum ShardPresence
{
    /// <summary>The stream still lists the shard: the answer was not the stream's last word; read again.</summary>
    Listed,

    /// <summary>The stream exists but no longer lists the shard (trimmed past the retention).</summary>
    ShardGone,

    /// <summary>The stream itself no longer exists (disabled and past the retention, or its table re-created).</summary>
    StreamGone,
}

/// <summary>Describes a stream again to tell a shard that vanished from a stream that vanished.</summary>
internal static class ShardPresenceLookup
{
    public static async Task<ShardPresence> FindShardAsync(this IDynamoDbStreamsClient streams, string streamArn, string shardId, CancellationToken cancellationToken)
    {
        try
        {
            var shards = await streams.DescribeStreamAsync(streamArn, cancellationToken);
            return shards.Any(s => s.ShardId == shardId) ? ShardPresence.Listed : ShardPresence.ShardGone;
        }
        catch (StreamResourceNotFoundException)
        {
            return ShardPresence.StreamGone;
        }
    }
}
