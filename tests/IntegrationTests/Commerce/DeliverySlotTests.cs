using System.Net;
using IntegrationTests.Carts;

namespace IntegrationTests.Commerce;

/// <summary>Delivery slots booked inside the checkout transaction (DESIGN §11): never over-booked, released on decline, reclaimed on expiry.</summary>
[Collection(PlatformCollection.Name)]
public sealed class DeliverySlotTests(PlatformFixture platform)
{
    [Fact]
    public async Task Fifty_concurrent_checkouts_for_a_slot_of_ten_book_exactly_ten()
    {
        using var admin = new CommerceAdmin(platform);
        var slotId = CommerceAdmin.FreshSlotId();
        await admin.SetSlotAsync(slotId, capacity: 10);
        var buyers = await Buyer.ArriveAsync(platform, 50, "SKU-2401", 1);

        // Fifty at once meet the services' DynamoDB admission control (8 calls in flight against DynamoDB Local): a shed
        // checkout answers 503 with nothing applied, and a buyer sends it again with the same key, as the flash-sale
        // tests do. Sent once, 7 of 40 came back 503 in one full run.
        var results = await Task.WhenAll(buyers.Select(buyer => buyer.CheckoutUntilDefiniteAsync(slotId)));

        Assert.Equal(10, results.Count(r => r.Status == HttpStatusCode.OK));
        Assert.All(results.Where(r => r.Status != HttpStatusCode.OK), r =>
        {
            Assert.Equal(HttpStatusCode.Conflict, r.Status);
            Assert.Equal("SLOT_FULL", r.Body.GetProperty("code").GetString());
        });
        Assert.All(results.Where(r => r.Status == HttpStatusCode.OK), r => Assert.Equal(slotId, r.Body.GetProperty("slotId").GetString()));
        Assert.Equal(0, (await admin.SlotAsync(slotId)).GetProperty("remaining").GetInt32());
        await using var storage = await CartStorage.ConnectAsync(platform);
        Assert.Equal(10, (await CommerceStorage.BookingsAsync(storage, slotId)).Count);
        foreach (var buyer in buyers)
        {
            buyer.Dispose();
        }
    }

    [Fact]
    public async Task A_declined_payment_releases_the_slot_and_the_stock()
    {
        using var admin = new CommerceAdmin(platform);
        var slotId = CommerceAdmin.FreshSlotId();
        await admin.SetSlotAsync(slotId, capacity: 1);
        await admin.SetStockAsync("SKU-2403", 5, 2);
        using var broke = await Buyer.ArriveAsync(platform, "SKU-2403", 3, funds: 1);
        using var next = await Buyer.ArriveAsync(platform, "SKU-2403", 5);

        var declined = await broke.CheckoutAsync(slotId);
        var slotAfterDecline = await admin.SlotAsync(slotId);
        var stockAfterDecline = await admin.ShardsAsync("SKU-2403");
        var paid = await next.CheckoutAsync(slotId);

        Assert.Equal(HttpStatusCode.UnprocessableEntity, declined.Status);
        Assert.Equal("INSUFFICIENT_FUNDS", declined.Body.GetProperty("code").GetString());
        Assert.Equal(1, slotAfterDecline.GetProperty("remaining").GetInt32());
        Assert.Equal(5, stockAfterDecline.Sum());
        Assert.Equal("OPEN", (await broke.Client.GetAsync($"/carts/{broke.CartId}")).Body.GetProperty("status").GetString());
        Assert.Equal(HttpStatusCode.OK, paid.Status);
        Assert.Equal(0, (await admin.ShardsAsync("SKU-2403")).Sum());
        Assert.Equal(0, (await admin.SlotAsync(slotId)).GetProperty("remaining").GetInt32());
    }

    [Fact]
    public async Task A_retried_checkout_books_and_reserves_once()
    {
        using var admin = new CommerceAdmin(platform);
        var slotId = CommerceAdmin.FreshSlotId();
        await admin.SetSlotAsync(slotId, capacity: 5);
        await admin.SetStockAsync("SKU-2405", 50, 4);
        using var buyer = await Buyer.ArriveAsync(platform, "SKU-2405", 3);
        var key = Guid.NewGuid().ToString();

        var first = await buyer.CheckoutAsync(slotId, key);
        var replayed = await buyer.CheckoutAsync(slotId, key);
        var retried = await buyer.CheckoutAsync(slotId);
        var concurrent = await Task.WhenAll(Enumerable.Range(0, 3).Select(_ => buyer.CheckoutAsync(slotId)));

        Assert.Equal(HttpStatusCode.OK, first.Status);
        Assert.All(concurrent.Append(replayed).Append(retried), r => Assert.Equal(HttpStatusCode.OK, r.Status));
        Assert.Equal(4, (await admin.SlotAsync(slotId)).GetProperty("remaining").GetInt32());
        Assert.Equal(47, (await admin.ShardsAsync("SKU-2405")).Sum());
        await using var storage = await CartStorage.ConnectAsync(platform);
        Assert.Single(await CommerceStorage.BookingsAsync(storage, slotId));
        Assert.Equal(3, await CommerceStorage.ReservedAsync(storage, [buyer.CartId], "SKU-2405"));
    }

    [Fact]
    public async Task An_expired_hold_is_not_counted_on_read_and_its_place_is_reclaimed_by_the_next_checkout()
    {
        using var admin = new CommerceAdmin(platform);
        var slotId = CommerceAdmin.FreshSlotId();
        await admin.SetSlotAsync(slotId, capacity: 1);
        await using var storage = await CartStorage.ConnectAsync(platform);
        await CommerceStorage.PutExpiredHoldAsync(storage, slotId, "01JABANDONEDCART00000000000");
        using var buyer = await Buyer.ArriveAsync(platform, "SKU-2407", 1);

        var listed = await admin.SlotAsync(slotId);
        var checkout = await buyer.CheckoutAsync(slotId);

        Assert.Equal(1, listed.GetProperty("remaining").GetInt32());
        Assert.Equal(HttpStatusCode.OK, checkout.Status);
        var booking = Assert.Single(await CommerceStorage.BookingsAsync(storage, slotId));
        Assert.Equal(buyer.CartId, booking["cartId"].S);
        Assert.Equal(0, (await admin.SlotAsync(slotId)).GetProperty("remaining").GetInt32());
    }

    [Theory]
    [InlineData("2031-02-30-1000")]
    [InlineData("2031-01-01-2500")]
    [InlineData("2031-01-01-1000\n")]
    [InlineData("tomorrow")]
    public async Task A_malformed_slot_id_is_a_validation_problem(string slotId)
    {
        using var buyer = await Buyer.ArriveAsync(platform, "SKU-2409", 1);

        var checkout = await buyer.CheckoutAsync(slotId);

        Assert.Equal(HttpStatusCode.UnprocessableEntity, checkout.Status);
        Assert.True(checkout.Body.GetProperty("errors").TryGetProperty("slotId", out _));
        Assert.Equal("OPEN", (await buyer.Client.GetAsync($"/carts/{buyer.CartId}")).Body.GetProperty("status").GetString());
    }

    [Fact]
    public async Task An_unknown_or_started_slot_is_refused_and_the_cart_stays_open()
    {
        using var buyer = await Buyer.ArriveAsync(platform, "SKU-2409", 1);

        var unknown = await buyer.CheckoutAsync(CommerceAdmin.FreshSlotId("0700"));
        var started = await buyer.CheckoutAsync("2020-01-01-1000");

        Assert.Equal(HttpStatusCode.UnprocessableEntity, unknown.Status);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, started.Status);
        Assert.Equal("OPEN", (await buyer.Client.GetAsync($"/carts/{buyer.CartId}")).Body.GetProperty("status").GetString());
    }

    [Theory]
    [InlineData("/delivery-slots")]
    [InlineData("/delivery-slots?date=2031-13-01")]
    [InlineData("/delivery-slots?date=31-01-2031")]
    public async Task A_listing_without_a_proper_day_is_a_validation_problem(string path)
    {
        using var shopper = CartClient.ThroughGateway(platform);

        var (status, body) = await shopper.GetAsync(path);

        Assert.Equal(HttpStatusCode.UnprocessableEntity, status);
        Assert.True(body.GetProperty("errors").TryGetProperty("date", out _));
    }

    [Fact]
    public async Task The_development_seed_offers_the_next_two_weeks_of_slots()
    {
        using var shopper = CartClient.ThroughGateway(platform);
        var tomorrow = DateOnly.FromDateTime(DateTime.UtcNow).AddDays(1);

        var (status, body) = await shopper.GetAsync($"/delivery-slots?date={tomorrow:yyyy-MM-dd}");

        Assert.Equal(HttpStatusCode.OK, status);
        var slots = body.GetProperty("slots").EnumerateArray().ToList();
        Assert.Equal(6, slots.Count);
        Assert.Equal($"{tomorrow:yyyy-MM-dd}-0800", slots[0].GetProperty("slotId").GetString());
        Assert.All(slots, slot => Assert.Equal(20, slot.GetProperty("capacity").GetInt32()));
    }
}
