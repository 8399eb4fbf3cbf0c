using System.Text.Json.Nodes;
using System.Text.Json.Serialization;

namespace Events.Worker.Audit;

/// <summary>One archived payments change: the stream record, its position and its images in plain JSON.</summary>
public sealed record AuditLine(
    [property: JsonPropertyName("eventId")] string EventId,
    [property: JsonPropertyName("eventName")] string EventName,
    [property: JsonPropertyName("table")] string Table,
    [property: JsonPropertyName("shardId")] string ShardId,
    [property: JsonPropertyName("sequenceNumber")] string SequenceNumber,
    [property: JsonPropertyName("time")] string Time,
    [property: JsonPropertyName("keys")] JsonObject Keys,
    [property: JsonPropertyName("new")] JsonObject? NewImage,
    [property: JsonPropertyName("old")] JsonObject? OldImage);
