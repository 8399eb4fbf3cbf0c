using System.Net;
using IntegrationTests.Carts;

namespace IntegrationTests.Commerce;

/// <summary>Flash-sale stock in shards (DESIGN §11): whatever the concurrency, the units sold never exceed the stock.</summary>
[Collection(PlatformCollection.Name)]
public sealed class FlashSaleStockTests(PlatformFixture platform)
{
    [Fact]
    public async Task Three_hundred_buyers_of_a_hot_sku_with_one_hundred_units_in_eight_shards_buy_exactly_one_hundred()
    {
        const string sku = "SKU-2411";
        using var admin = new CommerceAdmin(platform);
        await admin.SetStockAsync(sku, 100, 8);
        var buyers = await Buyer.ArriveAsync(platform, 300, sku, 1);

        var results = await Task.WhenAll(buyers.Select(buyer => buyer.CheckoutUntilDefiniteAsync(slotId: null)));

        var shards = await admin.ShardsAsync(sku);
        await using var storage = await CartStorage.ConnectAsync(platform);
        var reserved = await CommerceStorage.ReservedAsync(storage, buyers.Select(buyer => buyer.CartId), sku);
        var answers = string.Join(", ", results.GroupBy(r => (int)r.Status).OrderBy(g => g.Key).Select(g => $"{g.Key} ×{g.Count()}"));
        Assert.True(results.Count(r => r.Status == HttpStatusCode.OK) == 100, $"answers: {answers}");
        Assert.All(results.Where(r => r.Status != HttpStatusCode.OK), r => Assert.Equal(HttpStatusCode.Conflict, r.Status));
        Assert.Equal(8, shards.Length);
        Assert.All(shards, available => Assert.True(available >= 0, $"a shard went negative: {string.Join(", ", shards)}"));
        Assert.Equal(100, reserved);
        Assert.Equal(100, shards.Sum() + reserved);
        foreach (var buyer in buyers)
        {
            buyer.Dispose();
        }
    }

    [Fact]
    public async Task A_buyer_who_wants_more_than_is_left_is_refused_out_of_stock_and_takes_nothing()
    {
        const string sku = "SKU-2413";
        using var admin = new CommerceAdmin(platform);
        await admin.SetStockAsync(sku, 10, 4);
        using var greedy = await Buyer.ArriveAsync(platform, sku, 11);
        using var modest = await Buyer.ArriveAsync(platform, sku, 10); // more than any one shard holds: the take spans shards

        var refused = await greedy.CheckoutAsync(slotId: null);
        var bought = await modest.CheckoutAsync(slotId: null);

        Assert.Equal(HttpStatusCode.Conflict, refused.Status);
        Assert.Equal("OUT_OF_STOCK", refused.Body.GetProperty("code").GetString());
        Assert.Equal(HttpStatusCode.OK, bought.Status);
        var shards = await admin.ShardsAsync(sku);
        Assert.Equal(new long[] { 0, 0, 0, 0 }, shards);
    }

    [Fact]
    public async Task Setting_stock_is_validated_and_unknown_skus_are_not_found()
    {
        using var admin = CartClient.ThroughGateway(platform, $"admin-{Guid.NewGuid():N}");

        using var noShards = await admin.SendAsync(HttpMethod.Put, "/admin/stock/SKU-2415", new { quantity = 10, shards = 0 });
        using var tooMany = await admin.SendAsync(HttpMethod.Put, "/admin/stock/SKU-2415", new { quantity = -1, shards = 33 });
        using var unknown = await admin.SendAsync(HttpMethod.Put, "/admin/stock/NOPE-1", new { quantity = 10, shards = 2 });
        var untracked = await admin.GetAsync("/admin/stock/SKU-2416");

        Assert.Equal(HttpStatusCode.UnprocessableEntity, noShards.StatusCode);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, tooMany.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, untracked.Status);
    }
}
