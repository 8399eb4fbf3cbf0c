using DynamoDbStorage.Tables;
using Events.Worker.Publishing;
using Microsoft.Extensions.Hosting;

namespace Events.Worker.Streams;

/// <summary>
/// Rewrites <see cref="StreamHeartbeatItem"/> in each source table every <see cref="EventsOptions.StreamHeartbeatInterval"/>
/// (off unless set), so no table's stream goes quiet. That is for DynamoDB Local, which answers a poll of a shard by
/// scanning every stream record written to any table since that shard's own last record: a shard nobody writes to (the
/// payments stream while only carts change) costs more with each write elsewhere, on the emulator's single database
/// thread, ten times a second (Events.Worker/README.md, "Heartbeats"). The records are recognised by their key, counted as the
/// stream's end-to-end delay, and neither published nor archived (<see cref="Publishing.CloudEventsProcessor"/>).
/// </summary>
internal sealed partial class StreamHeartbeat(
    IAmazonDynamoDB dynamoDb,
    SourceTables tables,
    IOptions<EventsOptions> options,
    TimeProvider time,
    ILogger<StreamHeartbeat> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (options.Value.StreamHeartbeatInterval is not { } interval)
        {
            return;
        }

        using var timer = new PeriodicTimer(interval, time);
        var failing = false;
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                foreach (var table in tables.LogicalByPhysical.Keys)
                {
                    await dynamoDb.PutItemAsync(new PutItemRequest
                    {
                        TableName = table,
                        Item = StreamHeartbeatItems.Create(KeyAttributes.PartitionKey, KeyAttributes.SortKey, time.GetUtcNow()),
                    }, stoppingToken);
                }

                failing = false;
            }
            catch (Exception exception) when (exception is not OperationCanceledException || !stoppingToken.IsCancellationRequested)
            {
                // A heartbeat never stops the worker: a missing table, a refused write or an outage is the next tick's
                // business. Logged once, until a heartbeat succeeds again.
                if (!failing)
                {
                    LogHeartbeatFailed(logger, exception);
                }

                failing = true;
            }
        }
    }

    [LoggerMessage(EventId = 40, Level = LogLevel.Warning, Message = "Writing the stream heartbeat failed; trying again at each interval")]
    private static partial void LogHeartbeatFailed(ILogger logger, Exception exception);
}
