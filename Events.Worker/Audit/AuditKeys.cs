namespace Events.Worker.Audit;

/// <summary>
/// Archive object keys, date-partitioned by the batch's UTC hour: <c>audit/yyyy/MM/dd/HH-&lt;shardId&gt;…</c>. The local
/// folder appends a shard's hour to one file; S3 has no append, so there each batch is its own object.
/// </summary>
public static class AuditKeys
{
    public const string Prefix = "audit";

    /// <summary>The local file of a shard's hour: <c>audit/yyyy/MM/dd/HH-&lt;shardId&gt;.jsonl</c>.</summary>
    public static string For(DateTimeOffset time, string shardId) => $"{Hour(time)}-{shardId}.jsonl";

    /// <summary>
    /// The S3 object of one batch: <c>audit/yyyy/MM/dd/HH-&lt;shardId&gt;-&lt;first&gt;-&lt;last&gt;-&lt;write id&gt;.jsonl</c>. The
    /// sequence range says which records it holds; the write id (a time-ordered GUID, unique per write) keeps a
    /// redelivered batch — after a restart, or a checkpoint that failed — from replacing the object written before.
    /// </summary>
    public static string ForBatch(DateTimeOffset time, string shardId, string firstSequenceNumber, string lastSequenceNumber, Guid writeId) =>
        $"{Hour(time)}-{shardId}-{firstSequenceNumber}-{lastSequenceNumber}-{writeId:N}.jsonl";

    private static string Hour(DateTimeOffset time) =>
        string.Create(CultureInfo.InvariantCulture, $"{Prefix}/{time.UtcDateTime:yyyy}/{time.UtcDateTime:MM}/{time.UtcDateTime:dd}/{time.UtcDateTime:HH}");
}
