using HostingIntegrations.DevelopmentTokens;
using HostingIntegrations.Replicas;

namespace IntegrationTests.Infrastructure;

/// <summary>
/// The whole system of <c>AppHost/Program.cs</c>, started once for a test collection through Aspire.Hosting.Testing,
/// on ports of its own, with the real DynamoDB Local and Redis.
/// </summary>
public class PlatformFixture : IAsyncLifetime
{
    private static readonly TimeSpan StartupTimeout = TimeSpan.FromMinutes(3);

    private DistributedApplication? _app;

    public DistributedApplication App => _app ?? throw new InvalidOperationException("The platform has not started.");

    /// <summary>The gateway, the front door every user goes through.</summary>
    public Uri Gateway { get; private set; } = null!;

    /// <summary>Each cart-api replica, addressed directly.</summary>
    public IReadOnlyList<Uri> CartApiReplicas { get; private set; } = [];

    /// <summary>Payments.Api, addressed directly.</summary>
    public Uri PaymentsApi { get; private set; } = null!;

    /// <summary>DynamoDB Local's endpoint (the value of <c>AWS_ENDPOINT_URL_DYNAMODB</c> in the services).</summary>
    public Uri DynamoDbEndpoint { get; private set; } = null!;

    /// <summary>Redis as the services reach it (<c>host:port,password=…</c>).</summary>
    public string RedisConnectionString { get; private set; } = null!;

    /// <summary>
    /// A client for the gateway. It keeps cookies (the deviceId), and with <paramref name="userId"/> it sends a
    /// development bearer token for that user.
    /// </summary>
    public HttpClient CreateGatewayClient(string? userId = null)
    {
        var client = new HttpClient(new SocketsHttpHandler { UseProxy = false }) { BaseAddress = Gateway };
        if (userId is not null)
        {
            client.DefaultRequestHeaders.Authorization = new("Bearer", MintToken(userId));
        }

        return client;
    }

    /// <summary>A token signed with the AppHost's development key, as <c>dotnet run --project AppHost -- token</c> prints.</summary>
    public string MintToken(string userId, TimeSpan? lifetime = null, string audience = DevelopmentTokenIssuerResource.Audience) =>
        App.TokenIssuer().MintToken(userId, DateTimeOffset.UtcNow, lifetime ?? TimeSpan.FromHours(1), audience);

    public virtual async Task InitializeAsync()
    {
        var builder = await PlatformBuilder.CreateAsync(Arguments, Dashboard);
        AllowTestLoad(builder);
        SweepHoldsOftenAndSeedStockOnlyForHotSkus(builder);
        if (!Canary)
        {
            builder.Without("canary");
        }

        Configure(builder);
        _app = await builder.StartHealthyAsync(StartupTimeout);
        Gateway = App.HttpEndpoint("gateway");
        CartApiReplicas = App.ReplicaEndpoints("cart-api");
        PaymentsApi = App.HttpEndpoint("payments-api");
        DynamoDbEndpoint = App.HttpEndpoint("dynamodb");
        RedisConnectionString = await App.ConnectionStringAsync("redis");
    }

    public async Task DisposeAsync()
    {
        if (_app is not null)
        {
            await _app.DisposeAndVerifyNothingLeftAsync();
        }
    }

    /// <summary>AppHost arguments (configuration) for this platform.</summary>
    protected virtual string[] Arguments => [];

    /// <summary>Whether the Aspire dashboard runs beside the platform (off: it costs a process and the OTLP traffic).</summary>
    protected virtual bool Dashboard => false;

    /// <summary>
    /// Whether the canary runs: off unless a fixture asks, so it neither adds its start to every collection's nor walks
    /// a cart through the gateway while other tests measure it.
    /// </summary>
    protected virtual bool Canary => false;

    /// <summary>
    /// The tests are a handful of clients on one address sending what many users would (concurrency tests fire
    /// hundreds of requests at once): the gateway's storefront limits (40 per device, 400 per address) would
    /// throttle them. The limiter still runs, with buckets they cannot empty; a fixture may set its own after this.
    /// </summary>
    private static void AllowTestLoad(IDistributedApplicationTestingBuilder builder) =>
        builder.CreateResourceBuilder<Aspire.Hosting.ApplicationModel.ProjectResource>("gateway")
            .WithEnvironment("RateLimiting__Client__TokenLimit", "100000")
            .WithEnvironment("RateLimiting__Client__TokensPerPeriod", "100000")
            .WithEnvironment("RateLimiting__Ip__TokenLimit", "100000")
            .WithEnvironment("RateLimiting__Ip__TokensPerPeriod", "100000");

    /// <summary>
    /// The hold sweeper looks every second (its own tests wait on it), and the development seed stocks only its hot SKUs:
    /// the tests set the stock they count, and some rely on products whose stock is not tracked.
    /// </summary>
    private static void SweepHoldsOftenAndSeedStockOnlyForHotSkus(IDistributedApplicationTestingBuilder builder)
    {
        foreach (var replica in CartApiReplicaBuilders(builder))
        {
            replica
                .WithEnvironment("Carts__HoldSweeper__Interval", "00:00:01")
                .WithEnvironment("Carts__SeedStock__Quantity", "0");
        }
    }

    /// <summary>A resource builder for each replica of cart-api, to give them all the same setting.</summary>
    protected static IEnumerable<Aspire.Hosting.ApplicationModel.IResourceBuilder<Aspire.Hosting.ApplicationModel.ProjectResource>> CartApiReplicaBuilders(IDistributedApplicationTestingBuilder builder) =>
        builder.Resources.OfType<ReplicaSetResource>().Single(r => r.Name == "cart-api").Replicas
            .Select(replica => builder.CreateResourceBuilder((Aspire.Hosting.ApplicationModel.ProjectResource)replica.Resource));

    /// <summary>Changes to the model before it starts (a fixture of its own may add or remove resources).</summary>
    protected virtual void Configure(IDistributedApplicationTestingBuilder builder)
    {
    }
}

[CollectionDefinition(Name)]
public sealed class PlatformCollection : ICollectionFixture<PlatformFixture>
{
    public const string Name = "platform";
}
