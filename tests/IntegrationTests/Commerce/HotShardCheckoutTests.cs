using System.Net;
using IntegrationTests.Carts;

namespace IntegrationTests.Commerce;

/// <summary>A hot SKU with its stock in one shard: conflicting checkouts resend their transaction and each unit is sold once.</summary>
[Collection(PlatformCollection.Name)]
public sealed class HotShardCheckoutTests(PlatformFixture platform)
{
    [Fact]
    public async Task Forty_concurrent_buyers_of_forty_units_in_one_shard_all_buy_and_the_shard_ends_at_zero()
    {
        const string sku = "SKU-2425";
        using var admin = new CommerceAdmin(platform);
        await admin.SetStockAsync(sku, 40, 1);
        var buyers = await Buyer.ArriveAsync(platform, 40, sku, 1);

        var results = await Task.WhenAll(buyers.Select(buyer => buyer.CheckoutUntilDefiniteAsync(slotId: null)));

        var answers = string.Join(", ", results.GroupBy(r => (int)r.Status).OrderBy(g => g.Key).Select(g => $"{g.Key} ×{g.Count()}"));
        Assert.True(results.All(r => r.Status == HttpStatusCode.OK), $"answers: {answers}");
        Assert.Equal(new long[] { 0 }, await admin.ShardsAsync(sku));
        await using var storage = await CartStorage.ConnectAsync(platform);
        Assert.Equal(40, await CommerceStorage.ReservedAsync(storage, buyers.Select(buyer => buyer.CartId), sku));
        foreach (var buyer in buyers)
        {
            buyer.Dispose();
        }
    }
}
