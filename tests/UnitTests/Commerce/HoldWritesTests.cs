using Cart.Api.Model;
using Cart.Api.Storage;

namespace UnitTests.Commerce;

public sealed class HoldWritesTests
{
    private static readonly SlotId Slot = SlotId.TryParse("2031-05-17-1000", out var slot) ? slot : throw new InvalidOperationException();

    [Fact]
    public void Taking_a_hold_books_the_slot_first_under_its_capacity_then_decrements_each_shard_under_its_units()
    {
        var hold = new CheckoutHold(Slot, 100, [new StockTake("A", 3, 2), new StockTake("B", 0, 1)]);

        var items = HoldWrites.Take("carts", "c1", hold, "2031-05-17T08:00:00.000Z");

        Assert.Equal(5, items.Count);
        Assert.Contains("#booked < #capacity", items[0].Update.ConditionExpression, StringComparison.Ordinal);
        Assert.Equal("attribute_not_exists(#pk)", items[1].Put.ConditionExpression);
        Assert.Equal("BOOKING#2031-05-17-1000#c1", items[1].Put.Item["SK"].S);
        Assert.Equal("STOCK#A#03", items[2].Update.Key["PK"].S);
        Assert.Equal("#available >= :qty", items[2].Update.ConditionExpression);
        Assert.Equal("2", items[2].Update.ExpressionAttributeValues[":qty"].N);
        Assert.Equal("HOLDS#1970-01-01T00:01", items[4].Put.Item["PK"].S); // the minute it expires in, for the sweeper
        Assert.Equal("HOLD#000000000100#c1", items[4].Put.Item["SK"].S);
    }

    [Fact]
    public void Returning_a_reclaimed_hold_requires_its_booking_to_be_an_unpaid_hold_expired_by_then()
    {
        var hold = new CheckoutHold(Slot, 100, [new StockTake("A", 3, 2)]);

        var items = HoldWrites.Return("carts", "c1", hold, "now", expiredBy: 200);

        Assert.Equal(4, items.Count);
        Assert.Equal("#status = :held AND #expiresAt <= :expiredBy", items[0].Delete.ConditionExpression);
        Assert.Contains("#booked - :one", items[1].Update.UpdateExpression, StringComparison.Ordinal);
        Assert.Contains("if_not_exists(#available, :zero) + :qty", items[2].Update.UpdateExpression, StringComparison.Ordinal);
        Assert.Null(items[2].Update.ConditionExpression); // a release never fails, or its checkout would stay stuck
        Assert.Equal("HOLD#000000000100#c1", items[3].Delete.Key["SK"].S); // the sweeper has nothing left to find
    }
}
