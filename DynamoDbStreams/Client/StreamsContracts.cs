namespace DynamoDbStreams.Client;

/// <summary>A stream of a table, as <c>ListStreams</c> returns it.</summary>
public sealed record StreamSummary(string StreamArn, string TableName, string StreamLabel);

/// <summary>A shard and the shard it was split from (null for a root shard).</summary>
public sealed record ShardDescription(string ShardId, string? ParentShardId, string? StartingSequenceNumber, string? EndingSequenceNumber)
{
    /// <summary>A shard with an ending sequence number is closed: nothing more will be written to it.</summary>
    public bool IsClosed => EndingSequenceNumber is not null;
}

/// <summary>One change of one item, as the Streams API delivers it (images in DynamoDB JSON).</summary>
public sealed record StreamRecord(
    string EventId,
    string EventName,
    string SequenceNumber,
    DateTimeOffset ApproximateCreationTime,
    IReadOnlyDictionary<string, JsonElement> Keys,
    IReadOnlyDictionary<string, JsonElement>? NewImage,
    IReadOnlyDictionary<string, JsonElement>? OldImage,
    string? UserIdentityPrincipal = null);

/// <summary>A page of records and the iterator for the next page; a null iterator means the shard has ended.</summary>
public sealed record RecordsPage(IReadOnlyList<StreamRecord> Records, string? NextShardIterator);

/// <summary>Where <c>GetShardIterator</c> starts reading.</summary>
public enum ShardIteratorType
{
    TRIM_HORIZON,
    LATEST,
    AT_SEQUENCE_NUMBER,
    AFTER_SEQUENCE_NUMBER,
}
