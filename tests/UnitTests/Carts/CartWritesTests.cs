using Cart.Api.Model;
using Cart.Api.Storage;
using Xunit;

namespace UnitTests.Carts;

public class CartWritesTests
{
    private static readonly CartHeader Before = new("c1", "USD", CartStatus.Open, 4, "t0", "t0", 100, "dev", null);

    private static CartLine Line(string sku, int qty) => new(sku, LineKey.Empty, qty, new Dictionary<string, string>(), null, null, "t0");

    [Fact]
    public void A_change_puts_the_header_back_guarded_by_the_version_that_was_read()
    {
        var before = new CartSnapshot(Before, [Line("A", 1)], []);
        var after = before with { Header = Before with { Version = 5, UpdatedAt = "t1", Ttl = 200 } };

        var items = CartWrites.Changes("carts", before, after);

        var header = Assert.Single(items).Put;
        Assert.Equal("META", header.Item["SK"].S);
        Assert.Equal("#version = :expected", header.ConditionExpression);
        Assert.Equal("4", header.ExpressionAttributeValues[":expected"].N);
        Assert.Equal("5", header.Item["version"].N);
        Assert.Equal("200", header.Item["ttl"].N);
    }

    [Fact]
    public void Only_changed_lines_are_written_and_removed_lines_are_deleted()
    {
        var kept = Line("A", 1);
        var removed = Line("B", 1);
        var before = new CartSnapshot(Before, [kept, removed, Line("C", 1)], [new DiscountLine("OLD", 5, "r", "cart")]);
        var after = new CartSnapshot(Before with { Version = 5 }, [kept, Line("C", 3)], [new DiscountLine("NEW", 7, "r", "cart")]);

        var items = CartWrites.Changes("carts", before, after);

        Assert.Contains(items, item => item.Put?.Item["SK"].S == "ITEM#C#-" && item.Put.Item["qty"].N == "3");
        Assert.Contains(items, item => item.Delete?.Key["SK"].S == "ITEM#B#-");
        Assert.Contains(items, item => item.Put?.Item["SK"].S == "ITEM#DISC#NEW");
        Assert.Contains(items, item => item.Delete?.Key["SK"].S == "ITEM#DISC#OLD");
        Assert.DoesNotContain(items, item => item.Put?.Item["SK"].S == "ITEM#A#-" || item.Delete?.Key["SK"].S == "ITEM#A#-");
        Assert.Equal(5, items.Count);
    }

    [Fact]
    public void Creating_a_device_cart_also_points_the_device_at_it()
    {
        var items = CartWrites.Create("carts", Before);

        Assert.Equal(2, items.Count);
        Assert.Equal("attribute_not_exists(#pk)", items[0].Put.ConditionExpression);
        var pointer = items[1].Put.Item;
        Assert.Equal("DEVICE#dev", pointer["PK"].S);
        Assert.Equal("ACTIVE_CART", pointer["SK"].S);
        Assert.Equal("c1", pointer["cartId"].S);
    }

    [Fact]
    public void Creating_a_user_cart_points_the_user_at_it() =>
        Assert.Equal("USER#u1", CartWrites.Create("carts", Before with { DeviceId = null, UserId = "u1" })[1].Put.Item["PK"].S);

    [Fact]
    public void Moving_the_user_pointer_requires_it_to_be_where_it_was_read()
    {
        var fresh = CartWrites.MoveUserPointer("carts", "u1", "c2", "t", expectedCartId: null).Put;
        var moved = CartWrites.MoveUserPointer("carts", "u1", "c2", "t", expectedCartId: "c1").Put;

        Assert.Equal("attribute_not_exists(#pk)", fresh.ConditionExpression);
        Assert.Equal("#cartId = :expected", moved.ConditionExpression);
        Assert.Equal("c1", moved.ExpressionAttributeValues[":expected"].S);
        Assert.Equal("c2", moved.Item["cartId"].S);
    }

    [Fact]
    public void The_device_pointer_is_deleted_only_while_it_points_at_the_guest_cart()
    {
        var delete = CartWrites.DeleteDevicePointer("carts", "dev", "c1").Delete;

        Assert.Equal("DEVICE#dev", delete.Key["PK"].S);
        Assert.Equal("c1", delete.ExpressionAttributeValues[":cartId"].S);
    }
}
