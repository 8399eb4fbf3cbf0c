namespace DynamoDbStreams.Leases;

/// <summary>
/// The order shards are read in, pure, over one look at the lease table: a child shard after its parent, and a table's
/// newer stream after its older ones. A stream that replaces another (the old one disabled, the table re-created) is
/// that stream's child: its shards wait until every lease of the table's older streams among the leases given is
/// finished, as a child shard waits for its parent, so the changes of one item are read in order across the switch.
/// A parent no longer in the table (trimmed, retired, swept) does not block.
/// </summary>
public sealed class LeaseLineage
{
    private readonly HashSet<string> _knownShards;
    private readonly HashSet<string> _finishedShards;
    private readonly Dictionary<string, string> _oldestUnfinishedStreamByTable = new(StringComparer.Ordinal);

    public LeaseLineage(IEnumerable<Lease> leases)
    {
        ArgumentNullException.ThrowIfNull(leases);
        var all = leases.ToList();
        _knownShards = all.Select(l => l.ShardId).ToHashSet(StringComparer.Ordinal);
        _finishedShards = all.Where(l => l.IsFinished).Select(l => l.ShardId).ToHashSet(StringComparer.Ordinal);
        foreach (var lease in all.Where(l => !l.IsFinished))
        {
            if (StreamArns.TableOf(lease.StreamArn) is { } table
                && (!_oldestUnfinishedStreamByTable.TryGetValue(table, out var oldest) || IsOlder(lease.StreamArn, oldest)))
            {
                _oldestUnfinishedStreamByTable[table] = lease.StreamArn;
            }
        }
    }

    /// <summary>The lease's shard may be read: its parent shard is finished (or gone) and no older stream of its table has an unfinished lease.</summary>
    public bool IsReady(Lease lease)
    {
        ArgumentNullException.ThrowIfNull(lease);
        return IsParentDone(lease) && !WaitsForOlderStream(lease);
    }

    private bool IsParentDone(Lease lease) =>
        lease.ParentShardId is null || !_knownShards.Contains(lease.ParentShardId) || _finishedShards.Contains(lease.ParentShardId);

    private bool WaitsForOlderStream(Lease lease) =>
        StreamArns.TableOf(lease.StreamArn) is { } table
        && _oldestUnfinishedStreamByTable.TryGetValue(table, out var oldest)
        && IsOlder(oldest, lease.StreamArn);

    /// <summary>Stream labels are creation timestamps (<c>2026-12-01T03:41:40.020</c>): their ordinal order is their age.</summary>
    private static bool IsOlder(string streamArn, string thanStreamArn) =>
        string.CompareOrdinal(StreamArns.LabelOf(streamArn), StreamArns.LabelOf(thanStreamArn)) < 0;
}
