using Microsoft.Extensions.Hosting;

namespace Events.Worker.Publishing;

/// <summary>
/// Looks at every consumer group of the event streams each <see cref="EventsOptions.StreamGroupsCheckInterval"/>
/// (<c>XINFO STREAM</c>, <c>XINFO GROUPS</c>, <c>XPENDING</c> per group) and keeps what it saw in
/// <see cref="StreamGroupsSnapshot"/>. Periodic, never per publish: the hot path stays one <c>XADD</c> per event. Logs a
/// warning the first time it finds that a group has lost entries to the stream's cap.
/// </summary>
internal sealed partial class StreamGroupsMonitor(
    IConnectionMultiplexer redis,
    SourceTables tables,
    StreamGroupsSnapshot snapshot,
    IOptions<EventsOptions> options,
    TimeProvider time,
    ILogger<StreamGroupsMonitor> logger) : BackgroundService
{
    private readonly HashSet<(string Stream, string Group)> _reportedLost = [];

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.Value.StreamGroupsCheckInterval, time);
        do
        {
            try
            {
                var groups = await ReadAsync(stoppingToken);
                snapshot.Taken(groups, time.GetUtcNow());
                ReportLosses(groups);
            }
            catch (Exception exception) when (exception is RedisException or TimeoutException)
            {
                snapshot.Failed(exception, time.GetUtcNow());
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    private async Task<List<StreamGroupState>> ReadAsync(CancellationToken cancellationToken)
    {
        var db = redis.GetDatabase();
        var states = new List<StreamGroupState>();
        foreach (var logical in tables.LogicalByPhysical.Values.Order(StringComparer.Ordinal))
        {
            var stream = options.Value.StreamKeyPrefix + logical;
            if (!await db.KeyExistsAsync(stream).WaitAsync(cancellationToken))
            {
                continue;
            }

            var groups = await db.StreamGroupInfoAsync(stream).WaitAsync(cancellationToken);
            if (groups.Length == 0)
            {
                continue;
            }

            var info = await db.StreamInfoAsync(stream).WaitAsync(cancellationToken);
            foreach (var group in groups)
            {
                var pending = group.PendingMessageCount == 0 ? (StreamPendingInfo?)null : await db.StreamPendingAsync(stream, group.Name).WaitAsync(cancellationToken);
                states.Add(new StreamGroupState(
                    stream,
                    group.Name,
                    info.Length,
                    info.Length == 0 ? null : StreamEntryId.Parse(info.FirstEntry.Id),
                    info.Length == 0 ? null : StreamEntryId.Parse(info.LastEntry.Id),
                    StreamEntryId.Parse(info.MaxDeletedEntryId) ?? StreamEntryId.Zero,
                    StreamEntryId.Parse(group.LastDeliveredId) ?? StreamEntryId.Zero,
                    group.Lag,
                    pending is { PendingMessageCount: > 0 } p ? StreamEntryId.Parse(p.LowestPendingMessageId) : null));
            }
        }

        return states;
    }

    private void ReportLosses(List<StreamGroupState> groups)
    {
        foreach (var group in groups)
        {
            var key = (group.Stream, group.Group);
            if (group.LostUnread || group.LostPending)
            {
                if (_reportedLost.Add(key))
                {
                    LogGroupLostEntries(logger, group.Group, group.Stream, options.Value.MaxStreamLength, group.LastDelivered.ToString(), group.FirstEntry?.ToString() ?? "nothing");
                }
            }
            else
            {
                _reportedLost.Remove(key);
            }
        }
    }

    [LoggerMessage(EventId = 50, Level = LogLevel.Warning,
        Message = "Consumer group {Group} of {Stream} has lost events: the stream's cap ({MaxStreamLength}) trimmed entries it had not read or acknowledged (read to {LastDelivered}, the stream starts at {FirstEntry}); re-feed it from the audit archive or the source table")]
    private static partial void LogGroupLostEntries(ILogger logger, string group, string stream, long maxStreamLength, string lastDelivered, string firstEntry);
}
