using System.Net;

namespace IntegrationTests.Commerce;

/// <summary>A checkout's transaction holds the cart, the slot and one item per shard taken: past DynamoDB's 100 items it is refused up front.</summary>
[Collection(PlatformCollection.Name)]
public sealed class TransactionLimitTests(PlatformFixture platform)
{
    [Fact]
    public async Task A_checkout_that_would_exceed_one_hundred_transaction_items_is_refused_before_anything_is_taken()
    {
        // 98 stocked lines: header + 98 decrements fit in 100 items; a slot's counter and booking make 101.
        var skus = Enumerable.Range(2501, 120).Where(n => n % 10 != 0).Take(98).Select(n => $"SKU-{n}").ToList();
        using var admin = new CommerceAdmin(platform);
        var slotId = CommerceAdmin.FreshSlotId();
        await admin.SetSlotAsync(slotId, capacity: 5);
        await Parallel.ForEachAsync(skus, new ParallelOptions { MaxDegreeOfParallelism = 8 }, async (sku, _) => await admin.SetStockAsync(sku, 5, 1));
        using var buyer = await Buyer.ArriveAsync(platform, skus[0], 1);
        foreach (var sku in skus.Skip(1))
        {
            await buyer.Client.AddAsync(buyer.CartId, sku, 1);
        }

        var withSlot = await buyer.CheckoutAsync(slotId);
        var untouched = await admin.ShardsAsync(skus[^1]);
        var withoutSlot = await buyer.CheckoutAsync(slotId: null);

        Assert.Equal(HttpStatusCode.UnprocessableEntity, withSlot.Status);
        Assert.True(withSlot.Body.GetProperty("errors").TryGetProperty("items", out _), withSlot.Body.ToString());
        Assert.Equal([5L], untouched);
        Assert.Equal(5, (await admin.SlotAsync(slotId)).GetProperty("remaining").GetInt32());
        Assert.Equal(HttpStatusCode.OK, withoutSlot.Status);
        var taken = await admin.ShardsAsync(skus[^1]);
        Assert.Equal([4L], taken);
    }
}
