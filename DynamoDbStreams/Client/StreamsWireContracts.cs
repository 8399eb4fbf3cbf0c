namespace DynamoDbStreams.Client;

// The JSON 1.0 protocol's request and response bodies, exactly as the service spells them.

internal sealed record ListStreamsRequestBody(string? TableName, string? ExclusiveStartStreamArn, int? Limit);

internal sealed record ListStreamsResponseBody(List<WireStream>? Streams, string? LastEvaluatedStreamArn);

internal sealed record WireStream(string StreamArn, string TableName, string StreamLabel);

internal sealed record DescribeStreamRequestBody(string StreamArn, string? ExclusiveStartShardId, int? Limit);

internal sealed record DescribeStreamResponseBody(WireStreamDescription StreamDescription);

internal sealed record WireStreamDescription(string StreamArn, string? StreamStatus, List<WireShard>? Shards, string? LastEvaluatedShardId);

internal sealed record WireShard(string ShardId, string? ParentShardId, WireSequenceNumberRange? SequenceNumberRange);

internal sealed record WireSequenceNumberRange(string? StartingSequenceNumber, string? EndingSequenceNumber);

internal sealed record GetShardIteratorRequestBody(string StreamArn, string ShardId, string ShardIteratorType, string? SequenceNumber);

internal sealed record GetShardIteratorResponseBody(string? ShardIterator);

internal sealed record GetRecordsRequestBody(string ShardIterator, int? Limit);

internal sealed record GetRecordsResponseBody(List<WireRecord>? Records, string? NextShardIterator);

internal sealed record WireRecord(
    [property: JsonPropertyName("eventID")] string EventId,
    [property: JsonPropertyName("eventName")] string EventName,
    [property: JsonPropertyName("dynamodb")] WireStreamRecord Dynamodb,
    [property: JsonPropertyName("userIdentity")] WireIdentity? UserIdentity);

internal sealed record WireStreamRecord(
    double? ApproximateCreationDateTime,
    Dictionary<string, JsonElement>? Keys,
    Dictionary<string, JsonElement>? NewImage,
    Dictionary<string, JsonElement>? OldImage,
    string SequenceNumber);

internal sealed record WireIdentity(string? PrincipalId, string? Type);

internal sealed record WireError(
    [property: JsonPropertyName("__type")] string? Type,
    [property: JsonPropertyName("message")] string? Message,
    [property: JsonPropertyName("Message")] string? UpperMessage);

[JsonSourceGenerationOptions(DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(ListStreamsRequestBody))]
[JsonSerializable(typeof(ListStreamsResponseBody))]
[JsonSerializable(typeof(DescribeStreamRequestBody))]
[JsonSerializable(typeof(DescribeStreamResponseBody))]
[JsonSerializable(typeof(GetShardIteratorRequestBody))]
[JsonSerializable(typeof(GetShardIteratorResponseBody))]
[JsonSerializable(typeof(GetRecordsRequestBody))]
[JsonSerializable(typeof(GetRecordsResponseBody))]
[JsonSerializable(typeof(WireError))]
internal sealed partial class StreamsJsonContext : JsonSerializerContext;
