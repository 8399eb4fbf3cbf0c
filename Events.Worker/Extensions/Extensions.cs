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

        builder.Services.AddOptions<EventsOptions>().BindConfiguration(EventsOptions.SectionName)
            .Validate(o => o.MaxStreamLength > 0 && !string.IsNullOrWhiteSpace(o.AuditDirectory) && !string.IsNullOrWhiteSpace(o.StreamKeyPrefix),
                "Events: MaxStreamLength must be positive; AuditDirectory and StreamKeyPrefix are required.")
            .ValidateOnStart();
        builder.Services.AddOptions<StreamsWorkerOptions>().BindConfiguration(StreamsWorkerOptions.SectionName)
            .Validate(o => o.LeaseDuration > o.SafetyMargin + o.RenewInterval && o.BatchSize is > 0 and <= 1000 && !string.IsNullOrWhiteSpace(o.WorkerId),
                "Streams: LeaseDuration must exceed SafetyMargin + RenewInterval; BatchSize is 1..1000; WorkerId is required.")
            .ValidateOnStart();

        var configuration = builder.Configuration;
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

        builder.Services.AddSingleton(_ => StreamsClientSettings.FromEnvironment(name => configuration[name]));
        builder.Services.AddSingleton<IDynamoDbStreamsClient>(services => new DynamoDbStreamsClient(
            new HttpClient { Timeout = TimeSpan.FromSeconds(10) },
            services.GetRequiredService<StreamsClientSettings>(),
            services.GetRequiredService<TimeProvider>(),
            services.GetRequiredService<ILogger<DynamoDbStreamsClient>>()));

        builder.Services.AddSingleton<ShardProgress>();
        builder.Services.AddSingleton<WorkerMetrics>();
        if (string.IsNullOrWhiteSpace(builder.Configuration[$"{EventsOptions.SectionName}:{nameof(EventsOptions.AuditBucket)}"]))
        {
            builder.Services.AddSingleton<IAuditArchive, LocalAuditArchive>();
        }
        else
        {
            builder.Services.AddSingleton<IAmazonS3>(_ => new AmazonS3Client(AuditS3Config.Create(configuration[AuditS3Config.EndpointVariable])));
            builder.Services.AddSingleton<IAuditArchive, S3AuditArchive>();
        }

        builder.Services.AddSingleton<IShardRecordProcessor, CloudEventsProcessor>();
        builder.Services.AddHostedService<StreamsWorker>();
        if (builder.Configuration.GetValue<bool>($"{EventsOptions.SectionName}:{nameof(EventsOptions.DemoConsumer)}"))
        {
            builder.Services.AddHostedService<EventsDemoConsumer>();
        }

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
            .AddCheck<EventStreamsEvictionHealthCheck>("event-streams-eviction", HealthStatus.Degraded, timeout: TimeSpan.FromSeconds(3));
    }
}
