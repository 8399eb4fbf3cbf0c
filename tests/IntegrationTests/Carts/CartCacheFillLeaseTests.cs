using System.Net;
using StackExchange.Redis;
using Commands = HostingIntegrations.DynamoDBFaults.DynamoDBFaultInjectorBuilderExtensions.Commands;

namespace IntegrationTests.Carts;

/// <summary>
/// A read of DynamoDB that began before a change and answers after it may answer its reader, but must not put the cart
/// as it was before the change into Redis: there every replica would serve it as current. Where Redis still holds the
/// change, the version check refuses the older cart; where the entry was evicted meanwhile, only the fill lease the
/// read took before it read DynamoDB, revoked by the change's announcement, does.
/// </summary>
[Collection(CacheRaceCollection.Name)]
public sealed class CartCacheFillLeaseTests(CacheRacePlatformFixture platform)
{
    [Fact]
    public async Task A_read_answered_after_a_change_does_not_put_the_older_cart_back_where_the_entry_was_evicted()
    {
        using var viaA = new CartClient(platform.CartApiReplicas[0]);
        using var viaB = new CartClient(platform.CartApiReplicas[1], viaA.DeviceId);
        await using var redis = await ConnectionMultiplexer.ConnectAsync(platform.RedisConnectionString);
        var db = redis.GetDatabase();

        // Every commit is announced twice: by its write-through, then by the worker settling it from the stream. Counting
        // both tells when the worker has settled a commit (a late settling writes a version floor, which would refuse the
        // older cart whatever the fill did).
        var announced = (long)await db.StringGetAsync("cart-invalidations:seq");
        Task<long> SettledAsync(int commits) =>
            Eventually.ReturnsAsync(async () => (long)await db.StringGetAsync("cart-invalidations:seq"), sequence => sequence >= announced + (2 * commits));
        var cartId = await viaB.CreateCartAsync();
        await viaB.AddAsync(cartId, "SKU-7", 1);
        await viaB.HoldLocallyAsync(cartId); // B changes it from its own tier, with no read of DynamoDB to hold up
        await SettledAsync(commits: 2);
        var entry = (RedisKey)$"cart:{cartId}";
        await db.KeyDeleteAsync(entry); // evicted: A, which never read the cart, reads DynamoDB

        Task<(HttpStatusCode Status, System.Text.Json.JsonElement Body, string? CacheStatus)> lateRead;
        var heldBefore = platform.Faults.HeldAnswers;
        await using (await platform.InjectAsync(Commands.HoldAnswers, ("operations", "Query")))
        {
            lateRead = viaA.ReadAsync($"/carts/{cartId}");
            await Eventually.ReturnsAsync(() => Task.FromResult(platform.Faults.HeldAnswers), held => held > heldBefore); // A's query has read quantity 1

            await viaB.AddAsync(cartId, "SKU-7", 1); // quantity 2: committed, written through and announced
            await SettledAsync(commits: 3); // and settled by the worker
            Assert.False(lateRead.IsCompleted, "the read was not held");
            await db.KeyDeleteAsync(entry); // evicted again, after the write-through and the worker's settling
        }

        var late = await lateRead; // its answer arrives now
        var cached = await db.StringGetAsync(entry);
        var after = await viaA.ReadAsync($"/carts/{cartId}");

        Assert.Equal(HttpStatusCode.OK, late.Status);
        Assert.Equal(1, CartClient.QuantityOf(late.Body, "SKU-7")); // what the read found: the cart before the change
        Assert.True(cached.IsNullOrEmpty, $"the late read put the cart before the change into Redis: {cached}");
        Assert.Equal(2, CartClient.QuantityOf(after.Body, "SKU-7"));
    }
}
