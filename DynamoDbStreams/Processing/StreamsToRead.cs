namespace DynamoDbStreams.Processing;

/// <summary>
/// Which of the streams <c>ListStreams</c> gives for a table are read, oldest first, pure: the newest, and every older one
/// from the oldest that the lease table has leases of. A stream with leases is one this worker group was reading when a
/// newer one replaced it (disabled and enabled again, the table re-created): it may still hold records nobody has read,
/// and it is listed, and readable, for 24 hours. A stream between it and the newest was read by nobody either and is
/// read too. A stream older than every stream with leases is not: this group never read it (it was replaced before the
/// group started, or the lease table was lost), and reading it from its trim horizon would publish changes up to a day
/// old that the group either never published or, its leases lost, already did. A table without leases of any listed
/// stream reads the newest only, from its trim horizon, as on a first start.
/// </summary>
internal static class StreamsToRead
{
    public static IReadOnlyList<StreamSummary> Of(IReadOnlyList<StreamSummary> listed, IReadOnlySet<string> leasedStreams)
    {
        var oldestFirst = listed.OrderBy(s => s.StreamLabel, StringComparer.Ordinal).ToList();
        var firstLeased = oldestFirst.FindIndex(s => leasedStreams.Contains(s.StreamArn));
        return firstLeased < 0 ? oldestFirst.TakeLast(1).ToList() : oldestFirst[firstLeased..];
    }
}
