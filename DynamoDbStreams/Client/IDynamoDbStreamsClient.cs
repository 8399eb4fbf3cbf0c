namespace DynamoDbStreams.Client;

/// <summary>The four operations of the DynamoDB Streams API the worker needs.</summary>
public interface IDynamoDbStreamsClient
{
    /// <summary>Every stream of <paramref name="tableName"/> (all pages).</summary>
    Task<IReadOnlyList<StreamSummary>> ListStreamsAsync(string tableName, CancellationToken cancellationToken);

    /// <summary>Every shard of the stream (all pages).</summary>
    Task<IReadOnlyList<ShardDescription>> DescribeStreamAsync(string streamArn, CancellationToken cancellationToken);

    Task<string> GetShardIteratorAsync(string streamArn, string shardId, ShardIteratorType type, string? sequenceNumber, CancellationToken cancellationToken);

    /// <summary>One page of records; throws <see cref="ExpiredIteratorException"/> or <see cref="TrimmedDataAccessException"/>.</summary>
    Task<RecordsPage> GetRecordsAsync(string shardIterator, int limit, CancellationToken cancellationToken);
}
