using System.Globalization;

namespace IntegrationTests.Resilience;

/// <summary>
/// The storefront path (gateway, one cart-api, payments-api) with the DynamoDB fault injector between the services
/// and DynamoDB Local, driven through its dashboard commands, the hold sweeper off (the base fixture). The cart-api
/// replica may have <see cref="CartApiCallsInFlight"/> DynamoDB calls in flight, and sheds a call that finds no slot
/// within a quarter second (DynamoDbAdmissionTests).
/// </summary>
public sealed class FaultInjectionFixture : FaultInjectingPlatformFixture
{
    public const int CartApiCallsInFlight = 4;

    /// <summary>How long a cached cart is current here, short so a test can outlive it (20 s by default).</summary>
    public static readonly TimeSpan CartCacheLifetime = TimeSpan.FromSeconds(2);

    protected override string[] Arguments => [.. base.Arguments, "--CartApi:Replicas=1"];

    protected override void Configure(IDistributedApplicationTestingBuilder builder)
    {
        builder.KeepOnly("gateway");
        base.Configure(builder);
        foreach (var replica in CartApiReplicaBuilders(builder))
        {
            replica.WithEnvironment("DynamoDb__MaxCallsInFlight", CartApiCallsInFlight.ToString(CultureInfo.InvariantCulture))
                .WithEnvironment("DynamoDb__AdmissionWait", "00:00:00.250")
                .WithEnvironment("Carts__CacheTimeToLive", CartCacheLifetime.ToString("c", CultureInfo.InvariantCulture));
        }
    }
}

[CollectionDefinition(Name)]
public sealed class FaultInjectionCollection : ICollectionFixture<FaultInjectionFixture>
{
    public const string Name = "fault-injection";
}
