using DynamoDbStreams.Client;
using DynamoDbStreams.Leases;
using DynamoDbStreams.Processing;
using Amazon.S3;
using Events.Worker.Audit;
using Events.Worker.Publishing;
using Events.Worker.Telemetry;
using DynamoDbStorage.Tables;

namespace Events.Worker.Extensions;

internal static class Extensions
{
    /// <summary>The logical tables whose streams the worker reads; their owners (Cart.Api, Payments.Api) create them.</summary>
    private const string StreamsHttpClient = "dynamodb-streams";

    private static readonly string[] SourceTableNames = [EventMapper.CartsTable, EventMapper.PaymentsTable];

    /// <summary>
    /// The worker's dependencies: DynamoDB (the source streams and its own lease table, created in Development),
    /// Redis, the Streams client, the lease-based stream worker, the CloudEvents processor and the audit archive.
    /// </summary>
    public static void AddApplicationServices(this IHostApplicationBuilder builder)
    {
        builder.AddDynamoDbClient();
        builder.AddFailFastRedisClient("redis");
        builder.AddTelemetrySources(WorkerMetrics.MeterName, DynamoDbStorage.Telemetry.DynamoDbMetrics.MeterName);

        builder.Services.AddSingleton<IValidateOptions<EventsOptions>, EventsOptionsValidator>();
        builder.Services.AddOptions<EventsOptions>().BindConfiguration(EventsOptions.SectionName).ValidateOnStart();
        builder.Services.AddSingleton<IValidateOptions<StreamsWorkerOptions>, StreamsWorkerOptionsValidator>();
        builder.Services.AddOptions<StreamsWorkerOptions>().BindConfiguration(StreamsWorkerOptions.SectionName).ValidateOnStart();

        var leaseTable = builder.Configuration[$"{StreamsWorkerOptions.SectionName}:{nameof(StreamsWorkerOptions.LeaseTable)}"] ?? new StreamsWorkerOptions().LeaseTable;
        builder.AddDynamoDbTable(PlatformTables.EventsLeases with { Name = leaseTable });

        builder.Services.AddSingleton(services =>
        {
            var tables = services.GetRequiredService<IOptions<DynamoDbOptions>>().Value;
            return new SourceTables(SourceTableNames.ToDictionary(tables.TableName, name => name, StringComparer.Ordinal));
        });
        builder.Services.AddSingleton<IEnumerable<StreamSource>>(services =>
            [.. services.GetRequiredService<SourceTables>().LogicalByPhysical.Keys.Select(physical => new StreamSource(physical))]);
        builder.Services.AddSingleton(services => new LeaseTable(
            services.GetRequiredService<IAmazonDynamoDB>(),
            services.GetRequiredService<IOptions<DynamoDbOptions>>().Value.TableName(leaseTable),
            services.GetRequiredService<TimeProvider>()));

        builder.AddStreamsClient();

        builder.Services.AddSingleton<ShardProgress>();
        builder.Services.AddSingleton<StreamGroupsSnapshot>();
        builder.Services.AddSingleton<WorkerMetrics>();
        builder.AddAuditArchive();

        builder.Services.AddSingleton<CartCacheSettler>();
        builder.Services.AddSingleton<RemovedCartCascade>();
        builder.Services.AddSingleton<IShardRecordProcessor, CloudEventsProcessor>();
        builder.Services.AddHostedService<StreamsWorker>();
        builder.Services.AddHostedService<StreamHeartbeat>();
        builder.Services.AddHostedService<StreamGroupsMonitor>();

        builder.AddWorkerHealthChecks();
    }

    /// <summary>The DynamoDB Streams client: SigV4 over a named <see cref="HttpClient"/>, with its own retries.</summary>
    private static void AddStreamsClient(this IHostApplicationBuilder builder)
    {
        builder.Services.AddSingleton(_ => StreamsClientSettings.FromEnvironment(name => builder.Configuration[name]));
        // The Streams client retries on its own (StreamsClientSettings): the defaults' resilience handler would retry each of its retries.
#pragma warning disable EXTEXP0001 // RemoveAllResilienceHandlers is marked experimental; it is the documented way to opt one client out of ConfigureHttpClientDefaults
        builder.Services.AddHttpClient(StreamsHttpClient, http => http.Timeout = TimeSpan.FromSeconds(10))
            .RemoveAllResilienceHandlers()
#pragma warning restore EXTEXP0001
            .ConfigurePrimaryHttpMessageHandler(() => new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromMinutes(2) })
            .SetHandlerLifetime(Timeout.InfiniteTimeSpan); // held by a singleton: connections are recycled by the handler instead
        builder.Services.AddSingleton<IDynamoDbStreamsClient>(services => new DynamoDbStreamsClient(
            services.GetRequiredService<IHttpClientFactory>().CreateClient(StreamsHttpClient),
            services.GetRequiredService<StreamsClientSettings>(),
            services.GetRequiredService<TimeProvider>(),
            services.GetRequiredService<ILogger<DynamoDbStreamsClient>>()));
    }

    /// <summary>The audit archive: a local folder, or S3 when <c>Events:AuditBucket</c> is set.</summary>
    private static void AddAuditArchive(this IHostApplicationBuilder builder)
    {
        if (string.IsNullOrWhiteSpace(builder.Configuration[$"{EventsOptions.SectionName}:{nameof(EventsOptions.AuditBucket)}"]))
        {
            builder.Services.AddSingleton<IAuditArchive, LocalAuditArchive>();
        }
        else
        {
            builder.Services.AddSingleton<IAmazonS3>(_ => new AmazonS3Client(AuditS3Config.Create(builder.Configuration[AuditS3Config.EndpointVariable])));
            builder.Services.AddSingleton<IAuditArchive, S3AuditArchive>();
        }
    }

    /// <summary>
    /// Ready once the source tables stream and the streams are read; degraded when Redis may evict the event streams, and
    /// when a consumer group of theirs lags near the streams' cap or has lost entries to it; alive while the worker's loop and its shard consumers turn.
    /// </summary>
    private static void AddWorkerHealthChecks(this IHostApplicationBuilder builder) =>
        builder.Services.AddHealthChecks()
            .Add(new HealthCheckRegistration(
                "dynamodb-streams",
                services => new SourceStreamsHealthCheck(
                    services.GetRequiredService<IAmazonDynamoDB>(),
                    services.GetRequiredService<IOptions<DynamoDbOptions>>().Value,
                    SourceTableNames),
                HealthStatus.Unhealthy,
                tags: null,
                TimeSpan.FromSeconds(5)))
            .AddCheck<StreamsReadHealthCheck>("streams-read", HealthStatus.Unhealthy)
            .AddCheck<StreamsTurningHealthCheck>("streams-turning", HealthStatus.Unhealthy, [ServiceDefaultsExtensions.LiveTag])
            .AddCheck<EventStreamsEvictionHealthCheck>("event-streams-eviction", HealthStatus.Degraded, timeout: TimeSpan.FromSeconds(3))
            .AddCheck<StreamGroupsLagHealthCheck>("event-stream-groups", HealthStatus.Degraded);
}
