namespace DynamoDbStreams.Processing;

/// <summary>
/// Handles one batch of records of one shard, in order. It must finish (or throw) before the batch is
/// checkpointed: a throw means the batch is read again (at least once), so handling must tolerate replays.
/// </summary>
public interface IShardRecordProcessor
{
    Task ProcessAsync(ShardContext shard, IReadOnlyList<StreamRecord> records, CancellationToken cancellationToken);
}

/// <summary>Which table and shard a batch came from, and which worker handles it.</summary>
public sealed record ShardContext(string TableName, string StreamArn, string ShardId, string WorkerId);
