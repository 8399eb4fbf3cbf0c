using System.Globalization;
using StackExchange.Redis;
using StorageContracts;

namespace EventsConsumer;

/// <summary>
/// A small consumer-group reader of the event streams: the shape a downstream
/// service uses — XGROUP CREATE once, XREADGROUP for new entries, handle, XACK. Deduplicate on the CloudEvent id:
/// delivery is at least once.
/// </summary>
internal sealed partial class EventsDemoConsumer(
    IConnectionMultiplexer redis,
    TimeProvider time,
    ILogger<EventsDemoConsumer> logger) : BackgroundService
{
    public const string GroupName = "events-demo";

    private static readonly string[] Sources = [TableNames.Carts, TableNames.Payments];

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var db = redis.GetDatabase();
        var consumer = Environment.MachineName + "-" + Environment.ProcessId.ToString(CultureInfo.InvariantCulture);
        var streams = Sources.Select(s => ChannelNames.EventStreamPrefix + s).ToArray();
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                foreach (var stream in streams)
                {
                    if (!await GroupExistsAsync(db, stream))
                    {
                        await db.StreamCreateConsumerGroupAsync(stream, GroupName, StreamPosition.NewMessages, createStream: true);
                    }
                }

                var read = 0;
                foreach (var stream in streams)
                {
                    var entries = await db.StreamReadGroupAsync(stream, GroupName, consumer, StreamPosition.NewMessages, count: 100);
                    foreach (var entry in entries)
                    {
                        LogEvent(logger, stream, entry["type"].ToString(), entry["id"].ToString(), entry["subject"].ToString());
                    }

                    if (entries.Length > 0)
                    {
                        await db.StreamAcknowledgeAsync(stream, GroupName, [.. entries.Select(e => e.Id)]);
                    }

                    read += entries.Length;
                }

                if (read == 0)
                {
                    await Task.Delay(TimeSpan.FromMilliseconds(250), time, stoppingToken);
                }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception exception) when (exception is RedisException or TimeoutException)
            {
                LogFailed(logger, exception);
                await Task.Delay(TimeSpan.FromSeconds(1), time, stoppingToken);
            }
        }
    }

    private static async Task<bool> GroupExistsAsync(IDatabase db, string stream)
    {
        if (!await db.KeyExistsAsync(stream))
        {
            return false;
        }

        return (await db.StreamGroupInfoAsync(stream)).Any(g => g.Name == GroupName);
    }

    [LoggerMessage(EventId = 301, Level = LogLevel.Information, Message = "Consumer group {Group} read {EventType} {EventId} (subject {Subject}) from {Stream}")]
    private static partial void LogEventCore(ILogger logger, string group, string stream, string eventType, string eventId, string subject);

    private static void LogEvent(ILogger logger, string stream, string eventType, string eventId, string subject) =>
        LogEventCore(logger, GroupName, stream, eventType, eventId, subject);

    [LoggerMessage(EventId = 302, Level = LogLevel.Warning, Message = "The demo consumer could not read the event streams")]
    private static partial void LogFailed(ILogger logger, Exception exception);
}
