namespace StorageContracts;

/// <summary>
/// The item that keeps DynamoDB Local's streams cheap to use (Events.Worker/README.md, "Heartbeats"), one per table with a
/// stream: the table provisioner writes it when it creates such a table, so the stream's first record precedes any other
/// table's bulk writes, and the events worker rewrites it at its heartbeat interval. The worker drops its records.
/// </summary>
public static class StreamHeartbeatKeys
{
    public const string PartitionKey = "HEARTBEAT#streams";

    public const string SortKey = "HEARTBEAT";

    /// <summary>When it was written, in Unix milliseconds.</summary>
    public const string WrittenAt = "writtenAt";
}
