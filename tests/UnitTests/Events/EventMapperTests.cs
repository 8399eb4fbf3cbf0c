using System.Text.Json;
using DynamoDbStreams.Client;
using Events.Worker.Events;

namespace UnitTests.Events;

public sealed class EventMapperTests
{
    private static readonly DateTimeOffset Created = new(2026, 1, 15, 10, 20, 0, TimeSpan.Zero);

    private static Dictionary<string, JsonElement> Image(string json) =>
        JsonSerializer.Deserialize<Dictionary<string, JsonElement>>(json)!;

    private static StreamRecord Record(string eventName, string pk, string sk, string? newImage = null, string? oldImage = null, string? principal = null) => new(
        "event-1",
        eventName,
        "000000000000000000042",
        Created,
        Image($$$"""{"PK":{"S":"{{{pk}}}"},"SK":{"S":"{{{sk}}}"}}"""),
        newImage is null ? null : Image(newImage),
        oldImage is null ? null : Image(oldImage),
        principal);

    [Fact]
    public void A_new_cart_becomes_cart_created_with_the_stream_event_id()
    {
        var change = EventMapper.Map("carts", Record("INSERT", "CART#c1", "META", """{"PK":{"S":"CART#c1"},"SK":{"S":"META"},"status":{"S":"OPEN"},"version":{"N":"1"}}"""));

        Assert.NotNull(change.Event);
        Assert.Equal("event-1", change.Event.Id);
        Assert.Equal("/carts", change.Event.Source);
        Assert.Equal("cart.created", change.Event.Type);
        Assert.Equal("c1", change.Event.Subject);
        Assert.Equal("2026-01-15T10:20:00.000Z", change.Event.Time);
        Assert.Equal(new CartVersion("c1", 1), change.CartVersion);
    }

    [Theory]
    [InlineData("OPEN", "MERGED", "cart.merged")]
    [InlineData("OPEN", "CHECKED_OUT", "cart.checked_out")]
    [InlineData("OPEN", "OPEN", "cart.updated")]
    public void A_cart_status_change_names_the_event(string before, string after, string expected)
    {
        var change = EventMapper.Map("carts", Record("MODIFY", "CART#c1", "META",
            $$$"""{"status":{"S":"{{{after}}}"},"version":{"N":"3"}}""", $$$"""{"status":{"S":"{{{before}}}"},"version":{"N":"2"}}"""));

        Assert.Equal(expected, change.Event?.Type);
        Assert.Equal(new CartVersion("c1", 3), change.CartVersion);
    }

    [Fact]
    public void A_cart_removed_by_ttl_is_expired_and_one_removed_by_a_user_is_deleted()
    {
        Assert.Equal("cart.expired", EventMapper.Map("carts", Record("REMOVE", "CART#c1", "META", oldImage: """{"version":{"N":"2"}}""", principal: "dynamodb.amazonaws.com")).Event?.Type);
        Assert.Equal("cart.deleted", EventMapper.Map("carts", Record("REMOVE", "CART#c1", "META", oldImage: """{"version":{"N":"2"}}""")).Event?.Type);
    }

    [Fact]
    public void A_line_change_rolls_up_to_cart_updated_for_its_cart()
    {
        var change = EventMapper.Map("carts", Record("INSERT", "CART#c1", "ITEM#sku-1#color:Navy", """{"qty":{"N":"2"},"priceSnapshot":{"M":{"amount":{"N":"1999"},"currency":{"S":"EUR"}}}}"""));

        Assert.Equal("cart.updated", change.Event?.Type);
        Assert.Equal("c1", change.Event?.Subject);
        Assert.Equal("sku-1#color:Navy", change.Event?.Data["line"]?.GetValue<string>());
        Assert.Equal(1999, change.Event?.Data["new"]?["priceSnapshot"]?["amount"]?.GetValue<int>());
    }

    [Theory]
    [InlineData("carts", "CART#c1", "IDEM#key-1")]
    [InlineData("carts", "USER#u1", "ACTIVE_CART")]
    [InlineData("carts", "DEVICE#d1", "ACTIVE_CART")]
    [InlineData("payments", "IDEMPOTENCY#u1#key-1", "METADATA")]
    [InlineData("payments", "ACCOUNT#a1", "METADATA")]
    [InlineData("payments", "ACCOUNT#a1", "TXN#2026-01-15T10:20:00.000Z#t1")]
    public void Idempotency_records_pointers_and_state_rows_produce_no_event(string table, string pk, string sk)
    {
        Assert.Equal(MappedChange.None, EventMapper.Map(table, Record("INSERT", pk, sk, """{"x":{"S":"y"}}""")));
    }

    [Theory]
    [InlineData("PAYMENT_CAPTURED", "payment.captured")]
    [InlineData("PAYMENT_DECLINED", "payment.declined")]
    [InlineData("REFUND_ISSUED", "payment.refunded")]
    [InlineData("ACCOUNT_OPENED", "account.opened")]
    [InlineData("ACCOUNT_CLOSED", "account.closed")]
    [InlineData("DEPOSIT_RECEIVED", "account.deposit_received")]
    public void A_ledger_audit_entry_becomes_its_payment_event(string auditType, string expected)
    {
        var change = EventMapper.Map("payments", Record("INSERT", "ACCOUNT#a1", "AUDIT#2026-01-15T10:20:00.000Z#e1",
            $$$"""{"PK":{"S":"ACCOUNT#a1"},"GSI1PK":{"S":"x"},"eventType":{"S":"{{{auditType}}}"},"amount":{"N":"500"}}"""));

        Assert.Equal(expected, change.Event?.Type);
        Assert.Equal("/payments", change.Event?.Source);
        Assert.Equal("a1", change.Event?.Subject);
        Assert.Equal(500, change.Event?.Data["new"]?["amount"]?.GetValue<int>());
        Assert.Null(change.Event?.Data["new"]?["PK"]);
        Assert.Null(change.Event?.Data["new"]?["GSI1PK"]);
    }

    [Fact]
    public void A_fraud_event_becomes_fraud_recorded_for_its_user()
    {
        var change = EventMapper.Map("payments", Record("INSERT", "USER#u1", "FRAUD#2026-01-15T10:20:00.000Z", """{"kind":{"S":"GEO_CHANGE"}}"""));

        Assert.Equal("fraud.recorded", change.Event?.Type);
        Assert.Equal("u1", change.Event?.Subject);
    }

    [Fact]
    public void A_hot_users_fraud_event_on_a_write_shard_names_the_user_not_the_shard()
    {
        var change = EventMapper.Map("payments", Record("INSERT", "USER#fraud-hot-user#SHARD#2", "FRAUD#2026-01-15T10:20:00.000Z#f1",
            """{"userId":{"S":"fraud-hot-user"},"kind":{"S":"VELOCITY_ANOMALY"}}"""));

        Assert.Equal("fraud.recorded", change.Event?.Type);
        Assert.Equal("fraud-hot-user", change.Event?.Subject);
    }

    [Fact]
    public void Every_payments_change_but_idempotency_bookkeeping_is_audited()
    {
        Assert.True(EventMapper.IsAudited("payments", Record("MODIFY", "ACCOUNT#a1", "METADATA")));
        Assert.False(EventMapper.IsAudited("payments", Record("INSERT", "IDEMPOTENCY#u1#k", "METADATA")));
        Assert.False(EventMapper.IsAudited("carts", Record("INSERT", "CART#c1", "META")));
    }

    [Fact]
    public void The_event_serialises_as_CloudEvents_JSON()
    {
        var change = EventMapper.Map("carts", Record("INSERT", "CART#c1", "META", """{"version":{"N":"1"}}"""));

        using var json = JsonDocument.Parse(EventMapper.ToJson(change.Event!));

        Assert.Equal("1.0", json.RootElement.GetProperty("specversion").GetString());
        Assert.Equal("application/json", json.RootElement.GetProperty("datacontenttype").GetString());
        foreach (var name in new[] { "id", "source", "type", "subject", "time", "data" })
        {
            Assert.True(json.RootElement.TryGetProperty(name, out _), name);
        }
    }

    [Fact]
    public void A_new_items_time_is_its_own_timestamp_to_the_millisecond_not_the_streams_coarse_one()
    {
        var cart = EventMapper.Map("carts", Record("INSERT", "CART#c1", "META", """{"status":{"S":"OPEN"},"version":{"N":"1"},"createdAt":{"S":"2026-01-15T10:20:21.601Z"},"updatedAt":{"S":"2026-01-15T10:20:21.601Z"}}"""));
        var audit = EventMapper.Map("payments", Record("INSERT", "ACCOUNT#a1", "AUDIT#2026-01-15T10:20:33.017Z#e1", """{"eventType":{"S":"PAYMENT_CAPTURED"},"createdAt":{"S":"2026-01-15T10:20:33.017Z"}}"""));
        var fraud = EventMapper.Map("payments", Record("INSERT", "USER#u1", "FRAUD#2026-01-15T10:20:44.999Z#f1", """{"occurredAt":{"S":"2026-01-15T10:20:44.999Z"}}"""));

        Assert.Equal("2026-01-15T10:20:21.601Z", cart.Event?.Time);
        Assert.Equal("2026-01-15T10:20:33.017Z", audit.Event?.Time);
        Assert.Equal("2026-01-15T10:20:44.999Z", fraud.Event?.Time);
    }

    [Fact]
    public void A_modified_items_time_is_its_new_updated_at_not_its_creation()
    {
        var change = EventMapper.Map("carts", Record("MODIFY", "CART#c1", "META",
            """{"status":{"S":"OPEN"},"version":{"N":"3"},"createdAt":{"S":"2026-01-01T00:00:00.000Z"},"updatedAt":{"S":"2026-01-15T10:20:21.601Z"}}""",
            """{"status":{"S":"OPEN"},"version":{"N":"2"},"createdAt":{"S":"2026-01-01T00:00:00.000Z"},"updatedAt":{"S":"2026-01-10T08:00:00.000Z"}}"""));

        Assert.Equal("2026-01-15T10:20:21.601Z", change.Event?.Time);
    }

    [Theory]
    [InlineData("""{"status":{"S":"MERGED"},"version":{"N":"3"},"createdAt":{"S":"2026-01-01T00:00:00.000Z"},"updatedAt":{"S":"2026-01-10T08:00:00.000Z"}}""")]
    [InlineData("""{"status":{"S":"MERGED"},"version":{"N":"3"},"updatedAt":{"S":"yesterday"}}""")]
    [InlineData("""{"status":{"S":"MERGED"},"version":{"N":"3"}}""")]
    public void Without_a_timestamp_the_change_set_the_streams_time_stands_in(string newImage)
    {
        var change = EventMapper.Map("carts", Record("MODIFY", "CART#c1", "META", newImage,
            """{"status":{"S":"OPEN"},"version":{"N":"2"},"createdAt":{"S":"2026-01-01T00:00:00.000Z"},"updatedAt":{"S":"2026-01-10T08:00:00.000Z"}}"""));

        Assert.Equal("2026-01-15T10:20:00.000Z", change.Event?.Time);
    }

    [Fact]
    public void A_deletion_happens_at_the_streams_time_not_at_the_deleted_items_last_update() =>
        Assert.Equal("2026-01-15T10:20:00.000Z", EventMapper.Map("carts", Record("REMOVE", "CART#c1", "META",
            oldImage: """{"version":{"N":"2"},"updatedAt":{"S":"2026-01-10T08:00:00.000Z"}}""")).Event?.Time);

    [Theory]
    [InlineData("RESERVED", "stock.reserved")]
    [InlineData("RELEASED", "stock.released")]
    public void A_stock_shard_change_made_by_a_checkout_is_a_stock_event_for_its_sku(string change, string expected)
    {
        var result = EventMapper.Map("carts", Record("MODIFY", "STOCK#SKU-1#03", "STOCK",
            $$$"""{"sku":{"S":"SKU-1"},"shard":{"N":"3"},"available":{"N":"9"},"lastChange":{"S":"{{{change}}}"},"lastQty":{"N":"1"},"lastCartId":{"S":"c1"},"updatedAt":{"S":"2026-01-15T10:20:21.601Z"}}""",
            """{"sku":{"S":"SKU-1"},"shard":{"N":"3"},"available":{"N":"10"},"lastChange":{"S":"SET"}}"""));

        Assert.Equal(expected, result.Event?.Type);
        Assert.Equal("/carts", result.Event?.Source);
        Assert.Equal("SKU-1", result.Event?.Subject);
        Assert.Equal("c1", result.Event?.Data["new"]?["lastCartId"]?.GetValue<string>());
        Assert.Equal("2026-01-15T10:20:21.601Z", result.Event?.Time);
        Assert.Null(result.CartVersion);
    }

    [Fact]
    public void Setting_stock_by_hand_is_no_stock_event() =>
        Assert.Equal(MappedChange.None, EventMapper.Map("carts", Record("INSERT", "STOCK#SKU-1#00", "STOCK", """{"sku":{"S":"SKU-1"},"lastChange":{"S":"SET"}}""")));

    [Fact]
    public void A_booking_inserted_is_slot_booked_and_removed_is_slot_released_and_confirmed_is_neither()
    {
        const string booking = """{"slotId":{"S":"2031-05-17-1000"},"cartId":{"S":"c1"},"status":{"S":"HELD"}}""";

        var booked = EventMapper.Map("carts", Record("INSERT", "SLOTS#2031-05-17", "BOOKING#2031-05-17-1000#c1", booking));
        var released = EventMapper.Map("carts", Record("REMOVE", "SLOTS#2031-05-17", "BOOKING#2031-05-17-1000#c1", oldImage: booking));
        var confirmed = EventMapper.Map("carts", Record("MODIFY", "SLOTS#2031-05-17", "BOOKING#2031-05-17-1000#c1", booking, booking));

        Assert.Equal("slot.booked", booked.Event?.Type);
        Assert.Equal("2031-05-17-1000", booked.Event?.Subject);
        Assert.Equal("c1", booked.Event?.Data["new"]?["cartId"]?.GetValue<string>());
        Assert.Equal("slot.released", released.Event?.Type);
        Assert.Equal(MappedChange.None, confirmed);
    }

    [Fact]
    public void A_slot_and_a_product_produce_no_event()
    {
        Assert.Equal(MappedChange.None, EventMapper.Map("carts", Record("MODIFY", "SLOTS#2031-05-17", "SLOT#2031-05-17-1000", """{"booked":{"N":"3"}}""")));
        Assert.Equal(MappedChange.None, EventMapper.Map("carts", Record("MODIFY", "PRODUCT#SKU-1", "CATALOG", """{"sku":{"S":"SKU-1"}}""")));
    }
}
