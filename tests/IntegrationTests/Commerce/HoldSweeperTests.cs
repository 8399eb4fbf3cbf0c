using System.Globalization;
using System.Net;
using Amazon.DynamoDBv2.Model;
using IntegrationTests.Carts;
using IntegrationTests.Events;
using StackExchange.Redis;

namespace IntegrationTests.Commerce;

/// <summary>
/// Cart.Api's hold sweeper (every second in the tests) releases a checkout hold that expired unpaid, with no other
/// checkout asking for its place, and never one whose payment started before it expired.
/// </summary>
[Collection(PlatformCollection.Name)]
public sealed class HoldSweeperTests(PlatformFixture platform)
{
    private static readonly TimeSpan SweepWait = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task An_expired_unpaid_hold_is_released_by_the_sweeper_without_another_checkout()
    {
        const string sku = "SKU-2421";
        await using var redis = await ConnectionMultiplexer.ConnectAsync(platform.RedisConnectionString);
        var published = await PublishedEvents.FromNowAsync(redis.GetDatabase());
        using var admin = new CommerceAdmin(platform);
        var slotId = CommerceAdmin.FreshSlotId();
        await admin.SetSlotAsync(slotId, capacity: 3);
        await admin.SetStockAsync(sku, 10, 1);
        using var buyer = await Buyer.ArriveAsync(platform, sku, 2);
        await using var storage = await CartStorage.ConnectAsync(platform);

        await UnpaidHold.TakeAsync(storage, buyer, slotId, sku, qty: 2, expiresIn: TimeSpan.FromSeconds(3));
        var held = (Counter: await UnpaidHold.BookedAsync(storage, slotId), Stock: (await admin.ShardsAsync(sku)).Sum());

        var meta = await Eventually.ReturnsAsync(() => storage.MetaAsync(buyer.CartId), m => m["status"].S == "OPEN", SweepWait);
        Assert.Equal((1L, 8L), held);
        Assert.False(meta.ContainsKey("holdExpiresAt"));
        Assert.False(meta.ContainsKey("paymentStatus"));
        Assert.Equal(0, await UnpaidHold.BookedAsync(storage, slotId));
        Assert.Empty(await CommerceStorage.BookingsAsync(storage, slotId));
        Assert.Equal(new long[] { 10 }, await admin.ShardsAsync(sku));
        Assert.Empty(await UnpaidHold.MarkersAsync(storage, buyer.CartId));
        var events = await Eventually.ReturnsAsync(
            () => published.ReadAsync(new HashSet<string>(StringComparer.Ordinal) { sku, slotId }),
            found => found.Count >= 4,
            SweepWait);
        Assert.Equal(["slot.booked", "slot.released", "stock.released", "stock.reserved"], events.Select(e => e.Type).Order(StringComparer.Ordinal));
        var release = events.Single(e => e.Type == "stock.released").Json.GetProperty("data").GetProperty("new");
        Assert.Equal(buyer.CartId, release.GetProperty("lastCartId").GetString());
        Assert.Equal(2, release.GetProperty("lastQty").GetInt32());
        Assert.Equal(HttpStatusCode.OK, (await buyer.CheckoutAsync(slotId)).Status); // the reopened cart checks out again
    }

    [Fact]
    public async Task A_hold_paid_just_before_it_expires_is_not_released()
    {
        const string sku = "SKU-2423";
        using var admin = new CommerceAdmin(platform);
        var slotId = CommerceAdmin.FreshSlotId();
        await admin.SetSlotAsync(slotId, capacity: 3);
        await admin.SetStockAsync(sku, 10, 1);
        using var buyer = await Buyer.ArriveAsync(platform, sku, 2);
        await using var storage = await CartStorage.ConnectAsync(platform);
        var expiresAt = await UnpaidHold.TakeAsync(storage, buyer, slotId, sku, qty: 2, expiresIn: TimeSpan.FromSeconds(4));

        var paid = await buyer.CheckoutAsync(slotId); // the retry that resumes the frozen checkout: payment starts in time

        Assert.Equal(HttpStatusCode.OK, paid.Status);
        Assert.True(DateTimeOffset.UtcNow.ToUnixTimeSeconds() < expiresAt, "the payment started after the hold expired; the test proves nothing");
        // The sweeper reaches the marker once the hold's time has passed, finds the cart paid, and only drops the marker.
        await Eventually.ReturnsAsync(() => UnpaidHold.MarkersAsync(storage, buyer.CartId), markers => markers.Count == 0, SweepWait);
        Assert.Equal("CHECKED_OUT", (await storage.MetaAsync(buyer.CartId))["status"].S);
        Assert.Equal(1, await UnpaidHold.BookedAsync(storage, slotId));
        Assert.Equal("CONFIRMED", Assert.Single(await CommerceStorage.BookingsAsync(storage, slotId))["status"].S);
        Assert.Equal(new long[] { 8 }, await admin.ShardsAsync(sku));
    }

    /// <summary>
    /// What a checkout leaves when it froze the cart and took its hold, then stopped before payment started (a crash, a
    /// client gone): the same items its transaction writes, in one transaction, straight in DynamoDB Local.
    /// </summary>
    private static class UnpaidHold
    {
        public static async Task<long> TakeAsync(CartStorage storage, Buyer buyer, string slotId, string sku, int qty, TimeSpan expiresIn)
        {
            var meta = await storage.MetaAsync(buyer.CartId);
            var version = long.Parse(meta["version"].N, CultureInfo.InvariantCulture);
            var expiresAt = DateTimeOffset.UtcNow.Add(expiresIn).ToUnixTimeSeconds();
            var day = new AttributeValue($"SLOTS#{slotId[..10]}");
            await storage.DynamoDb.TransactWriteItemsAsync(new TransactWriteItemsRequest
            {
                TransactItems =
                [
                    new() { Update = new Update
                    {
                        TableName = "carts",
                        Key = new() { ["PK"] = new AttributeValue($"CART#{buyer.CartId}"), ["SK"] = new AttributeValue("META") },
                        ConditionExpression = "#version = :version",
                        UpdateExpression = "SET #status = :checkingOut, #version = :next, paymentStatus = :pending, paymentAccountId = :account, "
                            + "paymentAmount = :amount, holdExpiresAt = :expiresAt, holdSlotId = :slot, reservations = :reservations",
                        ExpressionAttributeNames = new() { ["#status"] = "status", ["#version"] = "version" },
                        ExpressionAttributeValues = new()
                        {
                            [":version"] = Number(version), [":next"] = Number(version + 1), [":checkingOut"] = new AttributeValue("CHECKING_OUT"),
                            [":pending"] = new AttributeValue("PENDING"), [":account"] = new AttributeValue(buyer.AccountId), [":amount"] = Number(1),
                            [":expiresAt"] = Number(expiresAt), [":slot"] = new AttributeValue(slotId),
                            [":reservations"] = new AttributeValue { L = [new AttributeValue { M = new() { ["sku"] = new AttributeValue(sku), ["shard"] = Number(0), ["qty"] = Number(qty) } }] },
                        },
                    } },
                    new() { Update = new Update
                    {
                        TableName = "carts",
                        Key = new() { ["PK"] = day, ["SK"] = new AttributeValue($"SLOT#{slotId}") },
                        ConditionExpression = "#booked < #capacity",
                        UpdateExpression = "SET #booked = #booked + :one",
                        ExpressionAttributeNames = new() { ["#booked"] = "booked", ["#capacity"] = "capacity" },
                        ExpressionAttributeValues = new() { [":one"] = Number(1) },
                    } },
                    new() { Put = new Put
                    {
                        TableName = "carts",
                        Item = new()
                        {
                            ["PK"] = day, ["SK"] = new AttributeValue($"BOOKING#{slotId}#{buyer.CartId}"), ["slotId"] = new AttributeValue(slotId),
                            ["cartId"] = new AttributeValue(buyer.CartId), ["status"] = new AttributeValue("HELD"), ["expiresAt"] = Number(expiresAt),
                        },
                    } },
                    new() { Update = new Update
                    {
                        TableName = "carts",
                        Key = new() { ["PK"] = new AttributeValue($"STOCK#{sku}#00"), ["SK"] = new AttributeValue("STOCK") },
                        ConditionExpression = "#available >= :qty",
                        UpdateExpression = "SET #available = #available - :qty, lastChange = :reserved, lastCartId = :cart, lastQty = :qty",
                        ExpressionAttributeNames = new() { ["#available"] = "available" },
                        ExpressionAttributeValues = new() { [":qty"] = Number(qty), [":reserved"] = new AttributeValue("RESERVED"), [":cart"] = new AttributeValue(buyer.CartId) },
                    } },
                    new() { Put = new Put
                    {
                        TableName = "carts",
                        Item = new()
                        {
                            ["PK"] = new AttributeValue(BucketOf(expiresAt)), ["SK"] = new AttributeValue($"HOLD#{expiresAt:D12}#{buyer.CartId}"),
                            ["cartId"] = new AttributeValue(buyer.CartId), ["expiresAt"] = Number(expiresAt),
                        },
                    } },
                ],
            });
            return expiresAt;
        }

        public static async Task<long> BookedAsync(CartStorage storage, string slotId)
        {
            var slot = await storage.DynamoDb.GetItemAsync(new GetItemRequest
            {
                TableName = "carts",
                ConsistentRead = true,
                Key = new() { ["PK"] = new AttributeValue($"SLOTS#{slotId[..10]}"), ["SK"] = new AttributeValue($"SLOT#{slotId}") },
            });
            return long.Parse(slot.Item["booked"].N, CultureInfo.InvariantCulture);
        }

        /// <summary>The cart's hold markers in the minutes around now (where a hold taken in this test falls).</summary>
        public static async Task<List<Dictionary<string, AttributeValue>>> MarkersAsync(CartStorage storage, string cartId)
        {
            var now = DateTimeOffset.UtcNow.ToUnixTimeSeconds();
            var found = new List<Dictionary<string, AttributeValue>>();
            foreach (var bucket in new[] { now - 120, now - 60, now, now + 60 }.Select(BucketOf).Distinct())
            {
                var page = await storage.DynamoDb.QueryAsync(new QueryRequest
                {
                    TableName = "carts",
                    ConsistentRead = true,
                    KeyConditionExpression = "PK = :pk",
                    ExpressionAttributeValues = new() { [":pk"] = new AttributeValue(bucket) },
                });
                found.AddRange(page.Items.Where(item => item["cartId"].S == cartId));
            }

            return found;
        }

        private static string BucketOf(long seconds) =>
            "HOLDS#" + DateTimeOffset.FromUnixTimeSeconds(seconds).ToString("yyyy-MM-dd'T'HH:mm", CultureInfo.InvariantCulture);

        private static AttributeValue Number(long value) => new() { N = value.ToString(CultureInfo.InvariantCulture) };
    }
}
