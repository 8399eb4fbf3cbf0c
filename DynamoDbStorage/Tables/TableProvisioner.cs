using DynamoDbStorage.Retries;
using RetryPolicy = DynamoDbStorage.Retries.RetryPolicy;

namespace DynamoDbStorage.Tables;

/// <summary>
/// Creates the registered tables when <c>DynamoDb:CreateTables</c> is on: idempotent (another replica may
/// win the race), waits for ACTIVE, writes the stream heartbeat (a new table's first stream record), then enables TTL. Retries until it succeeds
/// or the host stops, so a DynamoDB that starts late only delays readiness.
/// </summary>
internal sealed partial class TableProvisioner(
    IAmazonDynamoDB dynamoDb,
    IEnumerable<TableDefinition> tables,
    IOptions<DynamoDbOptions> options,
    TimeProvider time,
    ILogger<TableProvisioner> logger) : BackgroundService
{
    private static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(250);

    // Until it succeeds or the host stops: from about half a second, doubling to ten, jittered so replicas spread out.
    private static readonly RetryPolicy Retries = new(
        new Backoff(TimeSpan.FromMilliseconds(500), TimeSpan.FromSeconds(10)), new Backoff(TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(10)));

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.Value.CreateTables)
        {
            return;
        }

        foreach (var table in tables)
        {
            var tableName = options.Value.TableName(table.Name);
            for (var attempt = 1; ; attempt++)
            {
                try
                {
                    await EnsureTableAsync(table, tableName, stoppingToken);
                    break;
                }
                catch (Exception exception) when (DynamoDbFailures.IsTransient(exception))
                {
                    var delay = Retries.DelayAfter(attempt, throttled: exception is AmazonDynamoDBException { ErrorCode: "ThrottlingException" or "LimitExceededException" });
                    LogProvisioningFailed(logger, tableName, delay, exception);
                    await Task.Delay(delay, time, stoppingToken);
                }
            }
        }
    }

    private async Task EnsureTableAsync(TableDefinition table, string tableName, CancellationToken cancellationToken)
    {
        try
        {
            await dynamoDb.CreateTableAsync(table.ToCreateTableRequest(tableName), cancellationToken);
            LogCreated(logger, tableName);
        }
        catch (ResourceInUseException)
        {
            LogAlreadyExists(logger, tableName);
        }

        while ((await dynamoDb.DescribeTableAsync(tableName, cancellationToken)).Table.TableStatus != TableStatus.ACTIVE)
        {
            await Task.Delay(PollInterval, time, cancellationToken);
        }

        // Whoever created the table: each process writes the heartbeat before it reports the table ready, so none of its
        // own writes (the catalog seed) can be the stream's first record; a replica that found the table made a moment
        // ago by another could otherwise seed before the creator's heartbeat. Where the table was there already, the
        // write is one more heartbeat.
        if (table.StreamViewType is not null)
        {
            await WriteFirstStreamRecordAsync(table, tableName, cancellationToken);
        }

        if (table.TimeToLiveAttribute is { } ttlAttribute)
        {
            await EnableTimeToLiveAsync(tableName, ttlAttribute, cancellationToken);
        }

        LogReady(logger, tableName);
    }

    /// <summary>
    /// The stream heartbeat item (<see cref="StreamHeartbeatKeys"/>), written as soon as the table exists. DynamoDB Local
    /// keeps all streams' records in one SQLite table without an index on the stream, and every call on a table with a
    /// stream walks them from the oldest to that stream's first record: the payments stream, begun after the development
    /// catalog, made every payment cost the emulator four times an add item. Its first record written at once, the walk is
    /// short (docs/benchmarks.md, "DynamoDB Local's quiet shards"). The events worker drops the item's records.
    /// </summary>
    private Task WriteFirstStreamRecordAsync(TableDefinition table, string tableName, CancellationToken cancellationToken) =>
        dynamoDb.PutItemAsync(new PutItemRequest { TableName = tableName, Item = StreamHeartbeatItems.Create(table.PartitionKey, table.SortKey, time.GetUtcNow()) }, cancellationToken);

    private async Task EnableTimeToLiveAsync(string tableName, string attribute, CancellationToken cancellationToken)
    {
        var current = await dynamoDb.DescribeTimeToLiveAsync(new DescribeTimeToLiveRequest { TableName = tableName }, cancellationToken);
        var status = current.TimeToLiveDescription?.TimeToLiveStatus;
        if (status == TimeToLiveStatus.ENABLED || status == TimeToLiveStatus.ENABLING)
        {
            return;
        }

        try
        {
            await dynamoDb.UpdateTimeToLiveAsync(new UpdateTimeToLiveRequest
            {
                TableName = tableName,
                TimeToLiveSpecification = new TimeToLiveSpecification { AttributeName = attribute, Enabled = true },
            }, cancellationToken);
        }
        catch (AmazonDynamoDBException exception) when (exception.Message.Contains("already enabled", StringComparison.OrdinalIgnoreCase))
        {
            // Another replica enabled it between our describe and update.
        }
    }

    [LoggerMessage(EventId = 1, Level = LogLevel.Information, Message = "Created DynamoDB table {TableName}")]
    private static partial void LogCreated(ILogger logger, string tableName);

    [LoggerMessage(EventId = 2, Level = LogLevel.Debug, Message = "DynamoDB table {TableName} already exists")]
    private static partial void LogAlreadyExists(ILogger logger, string tableName);

    [LoggerMessage(EventId = 3, Level = LogLevel.Information, Message = "DynamoDB table {TableName} is ACTIVE")]
    private static partial void LogReady(ILogger logger, string tableName);

    [LoggerMessage(EventId = 4, Level = LogLevel.Warning, Message = "Could not provision DynamoDB table {TableName}; retrying in {Delay}")]
    private static partial void LogProvisioningFailed(ILogger logger, string tableName, TimeSpan delay, Exception exception);
}
