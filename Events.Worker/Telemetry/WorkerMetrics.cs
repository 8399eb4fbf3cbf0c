using System.Diagnostics.Metrics;
using DynamoDbStreams.Processing;
using Events.Worker.Publishing;

namespace Events.Worker.Telemetry;

/// <summary>The worker's metrics: records read, events published, audit lines written, cart cache settlements, rows of removed carts deleted, lag per shard, heartbeat delay per table and the lag of each consumer group of the event streams.</summary>
internal sealed class WorkerMetrics : IDisposable
{
    public const string MeterName = "Events.Worker.Streams";

    private readonly Meter _meter;
    private readonly Counter<long> _records;
    private readonly Counter<long> _published;
    private readonly Counter<long> _audited;
    private readonly Counter<long> _cartCache;
    private readonly Counter<long> _removedCartRows;
    private readonly Histogram<double> _heartbeatDelay;

    public WorkerMetrics(IMeterFactory meters, ShardProgress progress, StreamGroupsSnapshot streamGroups)
    {
        _meter = meters.Create(MeterName);
        _records = _meter.CreateCounter<long>("events.worker.records", "{record}", "Stream records processed (the rate is records/s).");
        _published = _meter.CreateCounter<long>("events.worker.events.published", "{event}", "CloudEvents added to Redis streams.");
        _audited = _meter.CreateCounter<long>("events.worker.audit.lines", "{line}", "Payments changes appended to the audit archive.");
        _cartCache = _meter.CreateCounter<long>("events.worker.cart_cache.settled", "{version}",
            "Cart versions the cache was settled to, by result: in_place (written through by the replica) or floor (the entry was behind or absent and was replaced by a version floor).");
        _removedCartRows = _meter.CreateCounter<long>("events.worker.removed_cart.rows_deleted", "{row}",
            "Rows without a ttl of their own (lines, discounts) deleted from the partitions of carts whose header was removed (expired or deleted).");
        _heartbeatDelay = _meter.CreateHistogram<double>("events.worker.heartbeat.delay", "s",
            "From a stream heartbeat's write to its processing, per source table: the stream's end-to-end delay, measured also while nothing else is written.");
        _meter.CreateObservableGauge("events.worker.shard.lag", () => progress.LagSeconds
            .Select(p => new Measurement<double>(p.Value, new KeyValuePair<string, object?>("shard.id", p.Key))), "s",
            "How far behind each held shard is: the age of the oldest record read and not yet processed (growing while a batch keeps failing), else the age of the last record processed (0 when caught up).");
        _meter.CreateObservableGauge("events.worker.stream.group.lag", () => (streamGroups.Latest?.Groups ?? [])
            .Select(g => new Measurement<long>(g.EstimatedLag,
                new KeyValuePair<string, object?>("stream", g.Stream),
                new KeyValuePair<string, object?>("group", g.Group),
                new KeyValuePair<string, object?>("lost", g.LostUnread || g.LostPending))), "{entry}",
            "Entries each consumer group of the event streams has still to read, as last looked at; past Events:MaxStreamLength the stream's cap trims them unread (lost = true once it has).");
    }

    public void RecordsProcessed(string table, int count) => _records.Add(count, new KeyValuePair<string, object?>("table", table));

    public void EventPublished(string type) => _published.Add(1, new KeyValuePair<string, object?>("event.type", type));

    public void AuditLinesWritten(int count) => _audited.Add(count);

    public void CartCacheSettled(int versions, int floorsWritten)
    {
        _cartCache.Add(versions - floorsWritten, new KeyValuePair<string, object?>("result", "in_place"));
        _cartCache.Add(floorsWritten, new KeyValuePair<string, object?>("result", "floor"));
    }

    public void RemovedCartRowsDeleted(int rows) => _removedCartRows.Add(rows);

    public void HeartbeatSeen(string table, TimeSpan delay) =>
        _heartbeatDelay.Record(Math.Max(0, delay.TotalSeconds), new KeyValuePair<string, object?>("table", table));

    public void Dispose() => _meter.Dispose();
}
