using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;
using Aspire.Hosting.ApplicationModel;
using HostingIntegrations.DynamoDBLocal;
using HostingIntegrations.Projects;
using HostingIntegrations.Redis;

namespace IntegrationTests.Events;

/// <summary>
/// DynamoDB Local, Redis and one events worker (the real process) reading source tables of its own, whose streams a
/// test may replace (disable and enable again) without touching any other platform's tables. The worker starts when a
/// test asks (<see cref="StartWorkerAsync"/>), after the tables exist.
/// </summary>
public sealed class ReplacedStreamPlatformFixture : IAsyncLifetime
{
    public const string Worker = "events-worker-replaced";

    public const string CartsTable = "replaced-carts";

    private const string PaymentsTable = "replaced-payments";

    private DistributedApplication? _app;

    public DistributedApplication App => _app ?? throw new InvalidOperationException("The platform has not started.");

    public AmazonDynamoDBClient DynamoDb { get; private set; } = null!;

    public string RedisConnectionString { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        var builder = await PlatformBuilder.CreateAsync();
        builder.KeepOnly("dynamodb", "redis");
        var dynamodb = builder.CreateResourceBuilder<DynamoDBLocalResource>("dynamodb");
        var redis = builder.CreateResourceBuilder<RedisServerResource>("redis");
        builder.AddProject<Projects.Events_Worker>(Worker).AsHttpService()
            .WithReference(dynamodb).WithStreamHeartbeat(dynamodb)
            .WithReference(redis)
            .WithEnvironment("DynamoDb__Tables__carts", CartsTable)
            .WithEnvironment("DynamoDb__Tables__payments", PaymentsTable)
            .WithEnvironment("Streams__LeaseTable", "replaced-leases")
            .WithExplicitStart();
        _app = await builder.StartHealthyAsync(TimeSpan.FromMinutes(2));
        DynamoDb = DynamoDbLocalFixture.ClientOf(_app);
        RedisConnectionString = await App.ConnectionStringAsync("redis");
        foreach (var table in new[] { CartsTable, PaymentsTable })
        {
            await DynamoDb.CreateTableAsync(new CreateTableRequest
            {
                TableName = table,
                BillingMode = BillingMode.PAY_PER_REQUEST,
                AttributeDefinitions = [new("PK", ScalarAttributeType.S), new("SK", ScalarAttributeType.S)],
                KeySchema = [new("PK", KeyType.HASH), new("SK", KeyType.RANGE)],
                StreamSpecification = new StreamSpecification { StreamEnabled = true, StreamViewType = StreamViewType.NEW_AND_OLD_IMAGES },
            });
        }
    }

    /// <summary>Starts the worker and waits until it is healthy.</summary>
    public async Task StartWorkerAsync()
    {
        if (App.ProcessId(Worker) is null)
        {
            await App.ExecuteCommandAsync(Worker, KnownResourceCommands.StartCommand);
        }

        await App.ResourceNotifications.WaitForResourceHealthyAsync(Worker).WaitAsync(TimeSpan.FromMinutes(1));
    }

    /// <summary>A graceful stop (SIGTERM): the worker checkpoints and releases its leases; returns once it has ended.</summary>
    public async Task StopWorkerAsync()
    {
        if (App.ProcessId(Worker) is not null)
        {
            await App.ExecuteCommandAsync(Worker, KnownResourceCommands.StopCommand);
        }

        await App.ResourceNotifications.WaitForResourceAsync(Worker, KnownResourceStates.TerminalStates).WaitAsync(TimeSpan.FromSeconds(30));
    }

    /// <summary>
    /// Replaces the stream of <paramref name="table"/> as an operator changing its view type would: disabled, then enabled
    /// again. DynamoDB (and DynamoDB Local) keeps the old stream listed and readable; its shards are closed.
    /// </summary>
    public async Task ReplaceStreamAsync(string table)
    {
        await DynamoDb.UpdateTableAsync(new UpdateTableRequest { TableName = table, StreamSpecification = new StreamSpecification { StreamEnabled = false } });
        await DynamoDb.UpdateTableAsync(new UpdateTableRequest
        {
            TableName = table,
            StreamSpecification = new StreamSpecification { StreamEnabled = true, StreamViewType = StreamViewType.NEW_AND_OLD_IMAGES },
        });
    }

    public async Task DisposeAsync()
    {
        DynamoDb?.Dispose();
        if (_app is not null)
        {
            await _app.DisposeAndVerifyNothingLeftAsync();
        }
    }
}
