using System.Net;
using IntegrationTests.Events;
using StackExchange.Redis;

namespace IntegrationTests.Commerce;

/// <summary>A checkout's hold taken and returned shows as CloudEvents on <c>events:carts</c>, through the real worker.</summary>
[Collection(PlatformCollection.Name)]
public sealed class CommerceEventsTests(PlatformFixture platform)
{
    [Fact]
    public async Task A_declined_checkout_publishes_stock_reserved_slot_booked_then_stock_released_slot_released()
    {
        const string sku = "SKU-2417";
        await using var redis = await ConnectionMultiplexer.ConnectAsync(platform.RedisConnectionString);
        var published = await PublishedEvents.FromNowAsync(redis.GetDatabase());
        using var admin = new CommerceAdmin(platform);
        var slotId = CommerceAdmin.FreshSlotId();
        await admin.SetSlotAsync(slotId, capacity: 3);
        await admin.SetStockAsync(sku, 7, 1);
        using var broke = await Buyer.ArriveAsync(platform, sku, 2, funds: 1);

        var declined = await broke.CheckoutAsync(slotId);

        Assert.Equal(HttpStatusCode.UnprocessableEntity, declined.Status);
        var events = await Eventually.ReturnsAsync(
            () => published.ReadAsync(new HashSet<string>(StringComparer.Ordinal) { sku, slotId }),
            found => found.Count >= 4,
            TimeSpan.FromSeconds(60));
        Assert.Equal(
            ["slot.booked", "slot.released", "stock.released", "stock.reserved"],
            events.Select(e => e.Type).Order(StringComparer.Ordinal));
        Assert.All(events, e => Assert.Equal("/carts", e.Source));
        Assert.Equal(broke.CartId, events.Single(e => e.Type == "stock.reserved").Json.GetProperty("data").GetProperty("new").GetProperty("lastCartId").GetString());
        Assert.Equal(2, events.Single(e => e.Type == "stock.released").Json.GetProperty("data").GetProperty("new").GetProperty("lastQty").GetInt32());
    }
}
