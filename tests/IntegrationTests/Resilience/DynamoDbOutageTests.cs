using StackExchange.Redis;
using System.Net;
using IntegrationTests.Carts;
using IntegrationTests.Gateway;
using Commands = HostingIntegrations.DynamoDBFaults.DynamoDBFaultInjectorBuilderExtensions.Commands;

namespace IntegrationTests.Resilience;

/// <summary>DynamoDB failing every call: carts people are looking at stay readable, changes are refused cleanly.</summary>
[Collection(FaultInjectionCollection.Name)]
public sealed class DynamoDbOutageTests(FaultInjectionFixture platform)
{
    [Fact]
    public async Task While_DynamoDB_fails_every_call_a_cart_still_reads_from_the_cache_and_a_change_answers_503()
    {
        using var shopper = CartClient.ThroughGateway(platform);
        var cartId = await shopper.CreateCartAsync();
        await shopper.AddAsync(cartId, "SKU-14", 3, key: "before-outage");
        var injectedBefore = platform.Faults.InjectedCalls;

        (HttpStatusCode Status, System.Text.Json.JsonElement Body) read;
        HttpResponseMessage change;
        await using (await platform.InjectAsync(Commands.Fail))
        {
            read = await shopper.GetAsync($"/carts/{cartId}");
            change = await shopper.SendAsync(HttpMethod.Post, $"/carts/{cartId}/items", new { sku = "SKU-14", qty = 1 }, "during-outage");
        }

        Assert.Equal(HttpStatusCode.OK, read.Status);
        Assert.Equal(3, CartClient.QuantityOf(read.Body, "SKU-14"));
        await change.AssertProblemAsync(HttpStatusCode.ServiceUnavailable, "SERVICE_UNAVAILABLE");
        Assert.NotNull(change.Headers.RetryAfter);
        Assert.True(platform.Faults.InjectedCalls > injectedBefore, "the outage never hit a call");

        var (_, after) = await shopper.GetAsync($"/carts/{cartId}");
        Assert.Equal(3, CartClient.QuantityOf(after, "SKU-14"));
    }

    [Fact]
    public async Task While_DynamoDB_fails_a_cart_past_its_cache_lifetime_is_served_as_its_last_known_copy_marked_stale()
    {
        using var shopper = CartClient.ThroughGateway(platform);
        var cartId = await shopper.CreateCartAsync();
        await shopper.AddAsync(cartId, "SKU-14", 2, key: "before-outage");
        await Task.Delay(FaultInjectionFixture.CartCacheLifetime + TimeSpan.FromSeconds(1.5));

        var (_, healthy, healthyStatus) = await shopper.ReadAsync($"/carts/{cartId}");
        Assert.Equal("redis; fwd=miss", healthyStatus); // past its lifetime the copy is not served while DynamoDB answers
        await Task.Delay(FaultInjectionFixture.CartCacheLifetime + TimeSpan.FromSeconds(1.5)); // and that read's refill lapses too

        using var stale = await ReadDuringOutageAsync(shopper, $"/carts/{cartId}");

        Assert.Equal(HttpStatusCode.OK, stale.StatusCode);
        var cacheStatus = string.Join(", ", stale.Headers.GetValues("Cache-Status"));
        Assert.Matches(@"^redis; hit; ttl=-\d+; detail=dynamodb-unavailable$", cacheStatus);
        Assert.True(stale.Headers.Age >= FaultInjectionFixture.CartCacheLifetime, $"Age {stale.Headers.Age} for a copy past its lifetime");
        using var body = System.Text.Json.JsonDocument.Parse(await stale.Content.ReadAsStringAsync());
        Assert.Equal(2, CartClient.QuantityOf(body.RootElement, "SKU-14"));
        Assert.Equal(CartClient.QuantityOf(healthy, "SKU-14"), CartClient.QuantityOf(body.RootElement, "SKU-14"));
    }

    [Fact]
    public async Task While_DynamoDB_fails_a_cart_with_no_copy_in_redis_answers_503()
    {
        using var shopper = CartClient.ThroughGateway(platform);
        var cartId = await shopper.CreateCartAsync();
        await using (var redis = await ConnectionMultiplexer.ConnectAsync(platform.RedisConnectionString))
        {
            Assert.True(await redis.GetDatabase().KeyDeleteAsync($"cart:{cartId}"), "the new cart was not cached");
        }

        using var read = await ReadDuringOutageAsync(shopper, $"/carts/{cartId}");

        await read.AssertProblemAsync(HttpStatusCode.ServiceUnavailable, "SERVICE_UNAVAILABLE");
    }

    private async Task<HttpResponseMessage> ReadDuringOutageAsync(CartClient shopper, string path)
    {
        await using (await platform.InjectAsync(Commands.Fail))
        {
            return await shopper.SendAsync(HttpMethod.Get, path);
        }
    }
}
