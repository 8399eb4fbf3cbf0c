using System.Text.Json.Nodes;
using DynamoDbStreams.Client;
using DynamoDbStreams.Processing;
using Events.Worker.Audit;
using Events.Worker.Events;
using Events.Worker.Telemetry;

namespace Events.Worker.Publishing;

/// <summary>
/// One shard batch (heartbeats timed and left out) → audit archive (payments changes), CloudEvents on Redis streams (one per source, capped),
/// the cart cache settled and the changes announced (<see cref="CartCacheSettler"/>), the rows of removed carts
/// deleted (<see cref="RemovedCartCascade"/>). Everything completes before the batch is checkpointed; any failure throws, so the
/// batch is delivered again (same event ids). Audit lines a failed delivery already appended are not appended again
/// on the next (<see cref="ArchivedPositions"/>). One instance serves every shard the worker holds, concurrently.
/// </summary>
internal sealed class CloudEventsProcessor(
    IConnectionMultiplexer redis,
    IAuditArchive archive,
    SourceTables tables,
    IOptions<EventsOptions> options,
    CartCacheSettler cartCache,
    RemovedCartCascade removedCarts,
    WorkerMetrics metrics,
    TimeProvider time) : IShardRecordProcessor
{
    private readonly ArchivedPositions _archived = new();

    public async Task ProcessAsync(ShardContext shard, IReadOnlyList<StreamRecord> records, CancellationToken cancellationToken)
    {
        if (records.Count == 0)
        {
            return;
        }

        var last = records[^1].SequenceNumber;
        var logical = tables.LogicalName(shard.TableName);
        records = WithoutHeartbeats(logical, records);
        var audit = _archived.NotYetArchived(
            shard.StreamArn, shard.ShardId, records.Where(r => EventMapper.IsAudited(logical, r)).Select(r => ToAuditLine(logical, shard.ShardId, r)));
        await archive.AppendAsync(shard.ShardId, audit, time.GetUtcNow(), cancellationToken);
        _archived.Archived(shard.StreamArn, shard.ShardId, last);
        metrics.AuditLinesWritten(audit.Count);

        // Before the events: a cascade DynamoDB refuses fails the batch without publishing it once more.
        await removedCarts.CleanAsync(shard, logical, records, cancellationToken);

        var db = redis.GetDatabase();
        var pending = new List<Task>();
        var cartVersions = new List<CartVersion>();
        var published = new List<string>();
        foreach (var record in records)
        {
            var change = EventMapper.Map(logical, record);
            if (change.Event is { } cloudEvent)
            {
                // Commands on one connection are pipelined in order, so per-item order survives.
                pending.Add(db.StreamAddAsync(
                    options.Value.StreamKeyPrefix + cloudEvent.Source.TrimStart('/'),
                    [
                        new NameValueEntry("id", cloudEvent.Id),
                        new NameValueEntry("type", cloudEvent.Type),
                        new NameValueEntry("subject", cloudEvent.Subject),
                        new NameValueEntry("event", EventMapper.ToJson(cloudEvent)),
                    ],
                    maxLength: options.Value.MaxStreamLength,
                    useApproximateMaxLength: true));
                published.Add(cloudEvent.Type);
            }

            if (change.CartVersion is { } cartVersion)
            {
                cartVersions.Add(cartVersion);
            }
        }

        await Task.WhenAll(pending);
        foreach (var type in published)
        {
            metrics.EventPublished(type);
        }

        await cartCache.SettleAsync(db, cartVersions);
        metrics.RecordsProcessed(logical, records.Count);
    }

    /// <summary>The records of the tables' own items: heartbeats (<see cref="StreamHeartbeat"/>) are only timed.</summary>
    private List<StreamRecord> WithoutHeartbeats(string table, IReadOnlyList<StreamRecord> records)
    {
        var own = new List<StreamRecord>(records.Count);
        foreach (var record in records)
        {
            if (!StreamHeartbeatItem.Is(record))
            {
                own.Add(record);
            }
            else if (StreamHeartbeatItem.WrittenAt(record) is { } writtenAt)
            {
                metrics.HeartbeatSeen(table, time.GetUtcNow() - writtenAt);
            }
        }

        return own;
    }

    private static AuditLine ToAuditLine(string table, string shardId, StreamRecord record) => new(
        record.EventId,
        record.EventName,
        table,
        shardId,
        record.SequenceNumber,
        record.ApproximateCreationTime.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture),
        DynamoJson.ToPlain(record.Keys),
        record.NewImage is null ? null : DynamoJson.ToPlain(record.NewImage),
        record.OldImage is null ? null : DynamoJson.ToPlain(record.OldImage));
}
