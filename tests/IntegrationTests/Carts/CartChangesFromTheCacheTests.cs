using System.Net;
using System.Text.Json;
using StackExchange.Redis;

namespace IntegrationTests.Carts;

/// <summary>
/// A change starts from the cart the cache holds (docs/caching.md, "Writes start from the cache"), but nothing is
/// refused on the cache's word: with Redis one version behind the table, what the cached cart would refuse is asked of
/// DynamoDB before it is answered.
/// </summary>
[Collection(PlatformCollection.Name)]
public sealed class CartChangesFromTheCacheTests(PlatformFixture platform) : IAsyncLifetime
{
    private ConnectionMultiplexer _redis = null!;

    public async Task InitializeAsync() => _redis = await ConnectionMultiplexer.ConnectAsync(platform.RedisConnectionString);

    public async Task DisposeAsync() => await _redis.DisposeAsync();

    [Fact]
    public async Task An_if_match_of_the_tables_version_is_met_though_redis_holds_the_version_before_it()
    {
        using var shopper = new CartClient(platform.CartApiReplicas[0]);
        var cartId = await shopper.CreateCartAsync();
        var first = await shopper.AddAsync(cartId, "SKU-8", 1);
        var behind = await CartEntryBehind.KeepAsync(_redis.GetDatabase(), cartId);
        var moved = await shopper.AddAsync(cartId, "SKU-8", 1);
        await behind.PutBackAsync();

        var version = moved.GetProperty("version").GetInt64();
        using var patched = await shopper.SendAsync(HttpMethod.Patch, $"/carts/{cartId}/items/{ItemIdOf(first, "SKU-8")}", new { qty = 5 }, ifMatch: $"\"{version}\"");

        Assert.Equal(HttpStatusCode.OK, patched.StatusCode);
        var cart = JsonDocument.Parse(await patched.Content.ReadAsStringAsync()).RootElement;
        Assert.Equal((version + 1, 5), (cart.GetProperty("version").GetInt64(), CartClient.QuantityOf(cart, "SKU-8")));
    }

    [Fact]
    public async Task A_line_the_cached_cart_lacks_is_changed_when_the_table_has_it()
    {
        using var shopper = new CartClient(platform.CartApiReplicas[0]);
        var cartId = await shopper.CreateCartAsync();
        await shopper.AddAsync(cartId, "SKU-8", 1);
        var behind = await CartEntryBehind.KeepAsync(_redis.GetDatabase(), cartId);
        var added = await shopper.AddAsync(cartId, "SKU-9", 1);
        await behind.PutBackAsync();

        using var patched = await shopper.SendAsync(HttpMethod.Patch, $"/carts/{cartId}/items/{ItemIdOf(added, "SKU-9")}", new { qty = 4 });

        Assert.Equal(HttpStatusCode.OK, patched.StatusCode);
        var cart = JsonDocument.Parse(await patched.Content.ReadAsStringAsync()).RootElement;
        Assert.Equal((1, 4), (CartClient.QuantityOf(cart, "SKU-8"), CartClient.QuantityOf(cart, "SKU-9")));
    }

    private static string ItemIdOf(JsonElement cart, string sku) =>
        cart.GetProperty("items").EnumerateArray().Single(item => item.GetProperty("sku").GetString() == sku).GetProperty("itemId").GetString()!;
}
