namespace Events.Worker.Audit;

/// <summary>The append-only audit archive of payments changes (date-partitioned JSON Lines, the S3 key layout).</summary>
public interface IAuditArchive
{
    /// <summary>Appends one delivered batch of a shard; returns once it is durable.</summary>
    Task AppendAsync(string shardId, IReadOnlyList<AuditLine> lines, DateTimeOffset batchTime, CancellationToken cancellationToken);
}
