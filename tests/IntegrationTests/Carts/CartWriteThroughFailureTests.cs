using System.Net;
using StackExchange.Redis;

namespace IntegrationTests.Carts;

/// <summary>
/// A commit whose write-through Redis refused: the version before it must not go on being served by the other replica
/// for the rest of the entry's lifetime (20 s) once Redis takes writes again.
/// </summary>
[Collection(PlatformCollection.Name)]
public sealed class CartWriteThroughFailureTests(PlatformFixture platform)
{
    private static readonly TimeSpan WellWithinTheEntrysLifetime = TimeSpan.FromSeconds(5);

    [Fact]
    public async Task A_write_redis_refused_to_take_is_read_through_the_other_replica_once_redis_takes_writes_again()
    {
        using var viaA = new CartClient(platform.CartApiReplicas[0]);
        using var viaB = new CartClient(platform.CartApiReplicas[1], viaA.DeviceId);
        var cartId = await viaA.CreateCartAsync();
        await viaA.AddAsync(cartId, "SKU-8", 1);
        await viaB.HoldLocallyAsync(cartId);

        await using var admin = await ConnectionMultiplexer.ConnectAsync(platform.RedisConnectionString + ",allowAdmin=true");
        var server = admin.GetServers().Single();
        var before = await admin.GetDatabase().StringGetAsync($"cart:{cartId}");

        // Out of memory with nothing to evict, Redis still answers reads and refuses every write: replica A's
        // write-through of the next change among them, for real. (The policy first: lowering the limit under
        // volatile-lru would evict the entry instead.)
        await using (await RedisConfigChange.ApplyAsync(server, ("maxmemory-policy", "noeviction"), ("maxmemory", "1")))
        {
            var added = await viaA.AddAsync(cartId, "SKU-8", 1);

            Assert.Equal(2, CartClient.QuantityOf(added, "SKU-8")); // committed to DynamoDB
            Assert.Equal(before, await admin.GetDatabase().StringGetAsync($"cart:{cartId}")); // Redis kept the version before it
        }

        var read = await Eventually.ReturnsAsync(
            () => viaB.ReadAsync($"/carts/{cartId}"),
            read => CartClient.QuantityOf(read.Body, "SKU-8") == 2,
            WellWithinTheEntrysLifetime);

        Assert.Equal(HttpStatusCode.OK, read.Status);
    }

    [Fact]
    public async Task The_replica_that_wrote_reads_its_own_write_while_redis_refuses_writes()
    {
        // The change starts from replica A's own copy, and its write-through and announcement (one script) are refused:
        // nothing will tell A's local tier, which still holds the version before the change.
        using var viaA = new CartClient(platform.CartApiReplicas[0]);
        var cartId = await viaA.CreateCartAsync();
        await viaA.AddAsync(cartId, "SKU-9", 1);
        await viaA.HoldLocallyAsync(cartId);

        await using var admin = await ConnectionMultiplexer.ConnectAsync(platform.RedisConnectionString + ",allowAdmin=true");
        var server = admin.GetServers().Single();
        await using (await RedisConfigChange.ApplyAsync(server, ("maxmemory-policy", "noeviction"), ("maxmemory", "1")))
        {
            var added = await viaA.AddAsync(cartId, "SKU-9", 1);
            var read = await viaA.ReadAsync($"/carts/{cartId}");

            Assert.Equal(2, CartClient.QuantityOf(added, "SKU-9"));
            Assert.Equal(HttpStatusCode.OK, read.Status);
            Assert.Equal(2, CartClient.QuantityOf(read.Body, "SKU-9"));
            Assert.NotEqual(CartClient.LocalHit, read.CacheStatus);
        }
    }
}
