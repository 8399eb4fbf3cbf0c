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
    private const string Local = "local; hit";

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
        var local = await HoldLocallyAsync(viaB, cartId);

        Assert.Equal(HttpStatusCode.OK, local.Status);
        Assert.NotEqual(Local, first.CacheStatus); // B had never read it: Redis, where the write put it
        Assert.Equal(2, CartClient.QuantityOf(local.Body, "SKU-5"));
    }

    [Fact]
    public async Task A_write_through_one_replica_drops_the_local_copy_the_other_holds()
    {
        using var viaA = new CartClient(platform.CartApiReplicas[0]);
        using var viaB = new CartClient(platform.CartApiReplicas[1], viaA.DeviceId);
        var cartId = await viaA.CreateCartAsync();
        await HoldLocallyAsync(viaB, cartId);

        for (var qty = 1; qty <= 5; qty++)
        {
            await viaA.AddAsync(cartId, "SKU-6", 1);
            var afterWrite = await viaB.ReadAsync($"/carts/{cartId}");
            Assert.Equal(qty, CartClient.QuantityOf(afterWrite.Body, "SKU-6"));
            var again = await viaB.ReadAsync($"/carts/{cartId}");
            Assert.Equal(qty, CartClient.QuantityOf(again.Body, "SKU-6"));
        }

        await HoldLocallyAsync(viaB, cartId); // the tier is back in use after the writes
    }

    [Fact]
    public async Task A_replica_that_loses_the_invalidation_still_reads_the_write()
    {
        using var viaA = new CartClient(platform.CartApiReplicas[0]);
        using var viaB = new CartClient(platform.CartApiReplicas[1], viaA.DeviceId);
        var cartId = await viaA.CreateCartAsync();
        await viaA.AddAsync(cartId, "SKU-7", 1);
        await HoldLocallyAsync(viaA, cartId);
        await HoldLocallyAsync(viaB, cartId);

        await using var admin = await ConnectionMultiplexer.ConnectAsync(platform.RedisConnectionString + ",allowAdmin=true");
        var server = admin.GetServers().Single();
        var maxClients = (await server.ConfigGetAsync("maxclients")).Single().Value;
        try
        {
            // Every subscription cut and none let back in: the write's invalidation reaches no replica, for real.
            await server.ConfigSetAsync("maxclients", "1");
            await server.ExecuteAsync("CLIENT", "KILL", "TYPE", "pubsub");
            await Eventually.ReturnsAsync(() => SubscribersAsync(server), count => count == 0);

            await viaA.AddAsync(cartId, "SKU-7", 1);

            Assert.Equal(0, await SubscribersAsync(server)); // nobody heard it
            foreach (var replica in new[] { viaB, viaA })
            {
                var read = await replica.ReadAsync($"/carts/{cartId}");
                Assert.Equal(HttpStatusCode.OK, read.Status);
                Assert.Equal(2, CartClient.QuantityOf(read.Body, "SKU-7"));
                Assert.NotEqual(Local, read.CacheStatus);
            }
        }
        finally
        {
            await server.ConfigSetAsync("maxclients", maxClients);
        }

        // Subscribed again, the replicas use their local tiers again — and see later writes.
        await HoldLocallyAsync(viaB, cartId);
        await viaA.AddAsync(cartId, "SKU-7", 1);
        Assert.Equal(3, CartClient.QuantityOf((await viaB.ReadAsync($"/carts/{cartId}")).Body, "SKU-7"));
    }

    /// <summary>Reads until the replica answers from its local tier (it fills on the first read, and again once re-subscribed).</summary>
    private static Task<(HttpStatusCode Status, System.Text.Json.JsonElement Body, string? CacheStatus)> HoldLocallyAsync(CartClient replica, string cartId) =>
        Eventually.ReturnsAsync(() => replica.ReadAsync($"/carts/{cartId}"), read => read.CacheStatus == Local);

    private static async Task<long> SubscribersAsync(IServer server)
    {
        var reply = (RedisResult[])(await server.ExecuteAsync("PUBSUB", "NUMSUB", "cart-invalidations"))!;
        return (long)reply[1];
    }
}
