using Cart.Api.Carts;
using Xunit;

namespace UnitTests.Carts;

public class CartWritesTests
{
    private static readonly CartHeader Before = new("c1", "USD", CartStatus.Open, 4, "t0", "t0", 100, "dev", null);

    [Fact]
    public void Adding_to_a_line_is_one_transaction_guarded_by_the_previous_version()
    {
        var after = Before with { Version = 5, UpdatedAt = "t1", Ttl = 200 };
        var line = new CartLine("SKU-1", LineKey.Empty, 3, new Dictionary<string, string>(), null, null, "t1");

        var request = CartWrites.AddToLine("carts", Before, after, line, 2);

        Assert.Equal(2, request.TransactItems.Count);
        var lineUpdate = request.TransactItems[0].Update;
        Assert.Equal("ITEM#SKU-1#-", lineUpdate.Key["SK"].S);
        Assert.StartsWith("ADD #qty :delta", lineUpdate.UpdateExpression, StringComparison.Ordinal);
        Assert.Equal("2", lineUpdate.ExpressionAttributeValues[":delta"].N);

        var header = request.TransactItems[1].Update;
        Assert.Equal("META", header.Key["SK"].S);
        Assert.Equal("#version = :expected", header.ConditionExpression);
        Assert.Equal("4", header.ExpressionAttributeValues[":expected"].N);
        Assert.Equal("5", header.ExpressionAttributeValues[":next"].N);
        Assert.Equal("200", header.ExpressionAttributeValues[":ttl"].N);
    }

    [Fact]
    public void Creating_a_device_cart_also_points_the_device_at_it()
    {
        var request = CartWrites.Create("carts", Before);

        Assert.Equal(2, request.TransactItems.Count);
        Assert.Equal("attribute_not_exists(#pk)", request.TransactItems[0].Put.ConditionExpression);
        var pointer = request.TransactItems[1].Put.Item;
        Assert.Equal("DEVICE#dev", pointer["PK"].S);
        Assert.Equal("ACTIVE_CART", pointer["SK"].S);
        Assert.Equal("c1", pointer["cartId"].S);
    }

    [Fact]
    public void Creating_a_cart_without_a_device_writes_only_the_header() =>
        Assert.Single(CartWrites.Create("carts", Before with { DeviceId = null }).TransactItems);
}
