using IntegrationTests.Resilience;

namespace IntegrationTests.Carts;

/// <summary>
/// The whole platform (both cart-api replicas, the events worker) with the DynamoDB fault injector between the services
/// and DynamoDB Local, for races between a cart read that answers late and a change made meanwhile. The hold sweeper is
/// off: its queries, once a second, would be held with the read's.
/// </summary>
public sealed class CacheRacePlatformFixture : FaultInjectingPlatformFixture
{
    protected override void Configure(IDistributedApplicationTestingBuilder builder)
    {
        foreach (var replica in CartApiReplicaBuilders(builder))
        {
            replica.WithEnvironment("Carts__HoldSweeper__Enabled", "false");
        }
    }
}

[CollectionDefinition(Name)]
public sealed class CacheRaceCollection : ICollectionFixture<CacheRacePlatformFixture>
{
    public const string Name = "cache-race";
}
