using System.Collections.Concurrent;
using System.Numerics;

namespace Events.Worker.Audit;

/// <summary>
/// How far each shard has been archived by this process: the highest stream sequence number of a batch whose audit
/// lines were appended. A batch that failed after its append (Redis refused the events) is delivered again from the
/// checkpoint; only its lines above that position are appended again, so a Redis outage does not add the same lines
/// to the archive (in S3: new, undeletable objects under object lock) every half second. It lives in memory only: a
/// worker that crashes, or a shard whose lease moves to another worker, between the append and the checkpoint still
/// archives those lines twice — the archive is at least once, as the stream is. Thread-safe: one entry per shard
/// (stream ARN and shard id), for every shard this process has archived, since nothing tells the processor that a
/// shard ended; an entry is a shard id and a number, and shards roll over every few hours.
/// </summary>
internal sealed class ArchivedPositions
{
    private readonly ConcurrentDictionary<(string StreamArn, string ShardId), BigInteger> _highest = new();

    /// <summary>The lines of <paramref name="lines"/> above the shard's archived position (all of them for a shard not archived yet).</summary>
    public List<AuditLine> NotYetArchived(string streamArn, string shardId, IEnumerable<AuditLine> lines) =>
        _highest.TryGetValue((streamArn, shardId), out var highest)
            ? [.. lines.Where(line => Position(line.SequenceNumber) > highest)]
            : [.. lines];

    /// <summary>Records that the shard is archived up to <paramref name="sequenceNumber"/>; a lower one leaves the position as it was.</summary>
    public void Archived(string streamArn, string shardId, string sequenceNumber)
    {
        var position = Position(sequenceNumber);
        _highest.AddOrUpdate((streamArn, shardId), position, (_, highest) => BigInteger.Max(highest, position));
    }

    /// <summary>
    /// A sequence number as the number it is: they are decimal strings of varying length (up to 40 digits), so
    /// "100" follows "99" although it sorts before it as text.
    /// </summary>
    private static BigInteger Position(string sequenceNumber) => BigInteger.Parse(sequenceNumber, NumberStyles.None, CultureInfo.InvariantCulture);
}
