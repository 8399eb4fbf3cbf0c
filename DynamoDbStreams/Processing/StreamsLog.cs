namespace DynamoDbStreams.Processing;

/// <summary>The stream worker's structured log events.</summary>
internal static partial class StreamsLog
{
    [LoggerMessage(EventId = 201, Level = LogLevel.Information, Message = "Worker {WorkerId} took the lease of shard {ShardId} ({TableName}) at checkpoint {Checkpoint}")]
    public static partial void LeaseTaken(ILogger logger, string workerId, string shardId, string tableName, string checkpoint);

    [LoggerMessage(EventId = 202, Level = LogLevel.Warning, Message = "Worker {WorkerId} lost the lease of shard {ShardId}")]
    public static partial void LeaseLost(ILogger logger, string workerId, string shardId);

    [LoggerMessage(EventId = 203, Level = LogLevel.Information, Message = "Worker {WorkerId} hands shard {ShardId} over to {NewOwner}")]
    public static partial void HandingOver(ILogger logger, string workerId, string shardId, string newOwner);

    [LoggerMessage(EventId = 204, Level = LogLevel.Information, Message = "Worker {WorkerId} asked {Owner} for the lease of shard {ShardId}")]
    public static partial void HandoffRequested(ILogger logger, string workerId, string owner, string shardId);

    [LoggerMessage(EventId = 205, Level = LogLevel.Information, Message = "Shard {ShardId} ({TableName}) is finished")]
    public static partial void ShardFinished(ILogger logger, string shardId, string tableName);

    [LoggerMessage(EventId = 206, Level = LogLevel.Information, Message = "Discovered shard {ShardId} of {TableName} (parent {ParentShardId})")]
    public static partial void ShardDiscovered(ILogger logger, string shardId, string tableName, string? parentShardId);

    [LoggerMessage(EventId = 207, Level = LogLevel.Information, Message = "Retired the lease of finished shard {ShardId}")]
    public static partial void ShardRetired(ILogger logger, string shardId);

    [LoggerMessage(EventId = 208, Level = LogLevel.Warning, Message = "Shard {ShardId}: iterator expired; resuming from checkpoint {Checkpoint}")]
    public static partial void IteratorExpired(ILogger logger, string shardId, string checkpoint);

    [LoggerMessage(EventId = 209, Level = LogLevel.Error, Message = "Shard {ShardId}: checkpoint {Checkpoint} is beyond the trim horizon; records were lost, resuming from TRIM_HORIZON")]
    public static partial void Trimmed(ILogger logger, string shardId, string checkpoint, Exception exception);

    [LoggerMessage(EventId = 215, Level = LogLevel.Information, Message = "Shard {ShardId}: the iterator from TRIM_HORIZON was trimmed before it was read (nothing was checkpointed, so nothing is lost); taking a new one")]
    public static partial void TrimHorizonMoved(ILogger logger, string shardId);

    [LoggerMessage(EventId = 210, Level = LogLevel.Warning, Message = "Shard {ShardId}: batch failed; it will be read again from checkpoint {Checkpoint}")]
    public static partial void BatchFailed(ILogger logger, string shardId, string checkpoint, Exception exception);

    [LoggerMessage(EventId = 211, Level = LogLevel.Warning, Message = "Stream worker cycle failed")]
    public static partial void CycleFailed(ILogger logger, Exception exception);

    [LoggerMessage(EventId = 212, Level = LogLevel.Warning, Message = "Shard {ShardId}: the lease could not be renewed in time; stopping before another worker may take it")]
    public static partial void LeaseLapsed(ILogger logger, string shardId);

    [LoggerMessage(EventId = 213, Level = LogLevel.Information, Message = "Worker {WorkerId} stopped: checkpointed and released {Count} leases")]
    public static partial void Released(ILogger logger, string workerId, int count);

    [LoggerMessage(EventId = 214, Level = LogLevel.Debug, Message = "Renewal of shard {ShardId} failed")]
    public static partial void RenewFailed(ILogger logger, string shardId, Exception exception);

    [LoggerMessage(EventId = 216, Level = LogLevel.Error, Message = "Shard {ShardId}: its consumer stopped with an error; releasing the lease so that it is read again from checkpoint {Checkpoint}")]
    public static partial void ConsumerFailed(ILogger logger, string shardId, string checkpoint, Exception exception);

    [LoggerMessage(EventId = 217, Level = LogLevel.Warning, Message = "Shard {ShardId} ({TableName}) no longer exists in its stream (past the 24-hour retention); finishing its lease at checkpoint {Checkpoint}: records after it that were never read are lost")]
    public static partial void ShardVanished(ILogger logger, string shardId, string tableName, string checkpoint);

    [LoggerMessage(EventId = 218, Level = LogLevel.Warning, Message = "Stream {StreamArn} of {TableName} no longer exists (disabled, or the table re-created); finishing the lease of its shard {ShardId} at checkpoint {Checkpoint} and discovering the table's current stream")]
    public static partial void StreamVanished(ILogger logger, string streamArn, string tableName, string shardId, string checkpoint);

    [LoggerMessage(EventId = 219, Level = LogLevel.Warning, Message = "Stream {StreamArn} of {TableName} is listed but no longer exists; skipping the table until its current stream is listed")]
    public static partial void ListedStreamMissing(ILogger logger, string streamArn, string tableName, Exception exception);

    [LoggerMessage(EventId = 220, Level = LogLevel.Information, Message = "Deleted the finished lease of shard {ShardId}: its stream {StreamArn} is no longer listed for {TableName}")]
    public static partial void UnlistedFinishedLeaseDeleted(ILogger logger, string shardId, string streamArn, string tableName);

    [LoggerMessage(EventId = 221, Level = LogLevel.Warning, Message = "Deleted the lease of shard {ShardId} at checkpoint {Checkpoint}: its stream {StreamArn} is no longer listed for {TableName} and no worker read it; records after the checkpoint that were never read are lost with the stream")]
    public static partial void UnlistedUnfinishedLeaseDeleted(ILogger logger, string shardId, string checkpoint, string streamArn, string tableName);

    [LoggerMessage(EventId = 222, Level = LogLevel.Debug, Message = "Deleting the lease of shard {ShardId} of unlisted stream {StreamArn} failed; tried again at the next discovery")]
    public static partial void UnlistedLeaseDeleteFailed(ILogger logger, string shardId, string streamArn, Exception exception);

    [LoggerMessage(EventId = 223, Level = LogLevel.Information, Message = "Stream {StreamArn} of {TableName} was replaced by a newer one and may hold records this worker group has not read; reading it to its end before the newer stream")]
    public static partial void ReplacedStreamRead(ILogger logger, string streamArn, string tableName);

    [LoggerMessage(EventId = 224, Level = LogLevel.Information, Message = "Replaced stream {StreamArn} of {TableName} is read to its end")]
    public static partial void ReplacedStreamDrained(ILogger logger, string streamArn, string tableName);
}
