using Gateway.Security;

namespace UnitTests.Gateway;

public class RequestShapeTests
{
    [Theory]
    [InlineData("/")]
    [InlineData("/carts")]
    [InlineData("/carts/")]
    [InlineData("/carts/01JCART/items/SKU-1%23size%3AM")]
    [InlineData("/accounts?limit=10&cursor=abc%2F..")]
    [InlineData("/carts/a.b/items/..x")]
    public void A_sane_target_passes(string target) => Assert.Null(RequestShape.CheckTarget(target, 2048));

    [Theory]
    [InlineData("/carts/../accounts")]
    [InlineData("/carts/./x")]
    [InlineData("/carts/%2e%2e/accounts")]
    [InlineData("/carts/%2E%2E")]
    [InlineData("/carts/x%2Faccounts")]
    [InlineData("/carts/x%5caccounts")]
    [InlineData("/carts/x\\y")]
    [InlineData("/carts/x%00")]
    [InlineData("/carts/x%0d%0aSet-Cookie")]
    [InlineData("/carts//attach")]
    [InlineData("carts")]
    public void A_traversal_or_control_character_is_a_400(string target)
    {
        var error = RequestShape.CheckTarget(target, 2048);

        Assert.NotNull(error);
        Assert.Equal(400, error.Status);
    }

    [Fact]
    public void A_target_over_the_limit_is_a_414() =>
        Assert.Equal(414, RequestShape.CheckTarget("/carts/" + new string('a', 100), 64)?.Status);

    [Fact]
    public void A_header_over_the_limit_is_a_431() =>
        Assert.Equal(431, RequestShape.CheckHeader("X-Padding", new string('a', 300), 256)?.Status);

    [Theory]
    [InlineData("a\u0001b")]
    [InlineData("a\nb")]
    [InlineData("a\u007fb")]
    public void A_header_with_control_characters_is_a_400(string value) =>
        Assert.Equal(400, RequestShape.CheckHeader("X-Test", value, 8192)?.Status);

    [Theory]
    [InlineData("Bearer abc.def.ghi")]
    [InlineData("a\tb")]
    public void A_sane_header_passes(string value) => Assert.Null(RequestShape.CheckHeader("X-Test", value, 8192));
}
