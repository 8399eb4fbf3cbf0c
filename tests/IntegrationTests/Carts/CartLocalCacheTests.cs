using System.Net;
using StackExchange.Redis;

namespace IntegrationTests.Carts;

/// <summary>
/// Each cart-api replica's local tier in front of Redis: it serves what it holds, drops a cart the moment any replica
/// changes it, and never serves a stale cart when an invalidation message is lost.
/// </summary>
[Collection(PlatformCollection.Name)]
public sealed class CartLocalCacheTests(PlatformFixture platform)
{
    [Fact]
    public async Task A_replica_serves_a_cart_it_holds_from_its_local_tier()
    {
        using var viaA = new CartClient(platform.CartApiReplicas[0]);
        using var viaB = new CartClient(platform.CartApiReplicas[1], viaA.DeviceId);
        var cartId = await viaA.CreateCartAsync();
        await viaA.AddAsync(cartId, "SKU-5", 2);

        var first = await viaB.ReadAsync($"/carts/{cartId}");
        // A read waits at most a moment for the invalidations announced before it; on a busy machine it may go to Redis
        // instead (safe, never stale), so the local hit is awaited rather than expected of the very next read.
        var local = await viaB.HoldLocallyAsync(cartId);

        Assert.Equal(HttpStatusCode.OK, local.Status);
        Assert.NotEqual(CartClient.LocalHit, first.CacheStatus); // B had never read it: Redis, where the write put it
        Assert.Equal(2, CartClient.QuantityOf(local.Body, "SKU-5"));
    }

    [Fact]
    public async Task A_write_through_one_replica_drops_the_local_copy_the_other_holds()
    {
        using var viaA = new CartClient(platform.CartApiReplicas[0]);
        using var viaB = new CartClient(platform.CartApiReplicas[1], viaA.DeviceId);
        var cartId = await viaA.CreateCartAsync();
        await viaB.HoldLocallyAsync(cartId);

        for (var qty = 1; qty <= 5; qty++)
        {
            await viaA.AddAsync(cartId, "SKU-6", 1);
            var afterWrite = await viaB.ReadAsync($"/carts/{cartId}");
            Assert.Equal(qty, CartClient.QuantityOf(afterWrite.Body, "SKU-6"));
            var again = await viaB.ReadAsync($"/carts/{cartId}");
            Assert.Equal(qty, CartClient.QuantityOf(again.Body, "SKU-6"));
        }

        await viaB.HoldLocallyAsync(cartId); // the tier is back in use after the writes
    }

    [Fact]
    public async Task After_a_failover_to_a_redis_that_lost_the_last_write_no_replica_serves_the_version_before_it()
    {
        using var viaA = new CartClient(platform.CartApiReplicas[0]);
        using var viaB = new CartClient(platform.CartApiReplicas[1], viaA.DeviceId);
        var cartId = await viaA.CreateCartAsync();
        await viaA.AddAsync(cartId, "SKU-3", 1);
        var otherCartId = await viaA.CreateCartAsync();
        await viaA.AddAsync(otherCartId, "SKU-4", 1);
        await using var admin = await ConnectionMultiplexer.ConnectAsync(platform.RedisConnectionString + ",allowAdmin=true");
        var server = admin.GetServers().Single();
        var lagging = await admin.GetDatabase().StringGetAsync($"cart:{cartId}");
        Assert.False(lagging.IsNullOrEmpty, "the cart was not cached");
        var announced = (long)await admin.GetDatabase().StringGetAsync("cart-invalidations:seq");
        await viaA.AddAsync(cartId, "SKU-3", 1); // written through: Redis holds quantity 2

        // The write-through's announcement and the worker's, which settles the version from the stream: the worker has
        // nothing left to repair when the failover loses the write.
        await Eventually.ReturnsAsync(async () => (long)await admin.GetDatabase().StringGetAsync("cart-invalidations:seq"), sequence => sequence >= announced + 2);

        // A failover to a replica that had not received that write: every connection drops and stays down a moment (no
        // reconnect admitted, as while the replica is promoted), and the Redis the services reconnect to holds the entry
        // as it was (its own cachedAt, well within its lifetime).
        var connected = (await server.ClientListAsync()).Count(client => client.ClientType == ClientType.Normal);
        await using (await RedisConfigChange.ApplyAsync(server, ("maxclients", "1")))
        {
            await server.ExecuteAsync("CLIENT", "KILL", "TYPE", "normal", "SKIPME", "yes");
            await admin.GetDatabase().StringSetAsync($"cart:{cartId}", lagging, TimeSpan.FromMinutes(1));
            await Task.Delay(TimeSpan.FromSeconds(1.5));
        }

        await Eventually.ReturnsAsync(
            async () => (await server.ClientListAsync()).Count(client => client.ClientType == ClientType.Normal),
            count => count >= connected,
            TimeSpan.FromSeconds(10));
        await Eventually.ReturnsAsync(() => viaB.ReadAsync($"/carts/{otherCartId}"), other => other.Status == HttpStatusCode.OK); // B talks to Redis again

        var read = await viaB.ReadAsync($"/carts/{cartId}");

        Assert.Equal(HttpStatusCode.OK, read.Status);
        Assert.Equal(2, CartClient.QuantityOf(read.Body, "SKU-3"));
    }

    [Fact]
    public async Task A_replica_that_loses_the_invalidation_still_reads_the_write()
    {
        using var viaA = new CartClient(platform.CartApiReplicas[0]);
        using var viaB = new CartClient(platform.CartApiReplicas[1], viaA.DeviceId);
        var cartId = await viaA.CreateCartAsync();
        await viaA.AddAsync(cartId, "SKU-7", 1);
        await viaA.HoldLocallyAsync(cartId);
        await viaB.HoldLocallyAsync(cartId);

        await using var admin = await ConnectionMultiplexer.ConnectAsync(platform.RedisConnectionString + ",allowAdmin=true");
        var server = admin.GetServers().Single();
        await using (await RedisConfigChange.ApplyAsync(server, ("maxclients", "1")))
        {
            // Every subscription cut and none let back in: the write's invalidation reaches no replica, for real.
            await server.ExecuteAsync("CLIENT", "KILL", "TYPE", "pubsub");
            await Eventually.ReturnsAsync(() => SubscribersAsync(server), count => count == 0);

            await viaA.AddAsync(cartId, "SKU-7", 1);

            Assert.Equal(0, await SubscribersAsync(server)); // nobody heard it
            foreach (var replica in new[] { viaB, viaA })
            {
                var read = await replica.ReadAsync($"/carts/{cartId}");
                Assert.Equal(HttpStatusCode.OK, read.Status);
                Assert.Equal(2, CartClient.QuantityOf(read.Body, "SKU-7"));
                Assert.NotEqual(CartClient.LocalHit, read.CacheStatus);
            }
        }

        // Subscribed again, the replicas use their local tiers again — and see later writes.
        await viaB.HoldLocallyAsync(cartId);
        await viaA.AddAsync(cartId, "SKU-7", 1);
        Assert.Equal(3, CartClient.QuantityOf((await viaB.ReadAsync($"/carts/{cartId}")).Body, "SKU-7"));
    }

    private static async Task<long> SubscribersAsync(IServer server)
    {
        var reply = (RedisResult[])(await server.ExecuteAsync("PUBSUB", "NUMSUB", "cart-invalidations"))!;
        return (long)reply[1];
    }
}
