using IntegrationTests.Resilience;

namespace IntegrationTests.Carts;

/// <summary>
/// The whole platform (both cart-api replicas, the events worker) with the DynamoDB fault injector between the services
/// and DynamoDB Local, for races between the replicas: a cart read that answers late and a change made meanwhile, two
/// checkouts of one cart.
/// </summary>
public sealed class CacheRacePlatformFixture : FaultInjectingPlatformFixture;

[CollectionDefinition(Name)]
public sealed class CacheRaceCollection : ICollectionFixture<CacheRacePlatformFixture>
{
    public const string Name = "cache-race";
}
