using Cart.Api.Caching;
using Xunit;

namespace UnitTests.Carts;

public class CartInvalidationTests
{
    [Fact]
    public void A_message_announced_by_cart_api_carts_its_sequence_number()
    {
        Assert.Equal(new CartInvalidation("c0ffee", 7, 42), CartInvalidation.Parse("c0ffee:7:42"));
    }

    [Fact]
    public void A_message_from_the_events_worker_has_no_sequence_number()
    {
        Assert.Equal(new CartInvalidation("c0ffee", 7, null), CartInvalidation.Parse("c0ffee:7"));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("c0ffee")]
    [InlineData("c0ffee:x")]
    [InlineData("c0ffee:-1")]
    [InlineData("c0ffee:7:")]
    [InlineData("c0ffee:7:42:1")]
    [InlineData("c0 ffee:7:42")]
    [InlineData(":7:42")]
    public void Anything_else_is_not_an_invalidation(string? text)
    {
        Assert.Null(CartInvalidation.Parse(text));
    }
}
